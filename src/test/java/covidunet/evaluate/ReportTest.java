package covidunet.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import covidunet.figure.GifFiles;
import covidunet.figure.PngFiles;
import covidunet.io.CsvTable;

/** A self-contained page: both tables' values, the rule, every figure embedded, no links. */
class ReportTest {

	@TempDir
	Path dir;

	@Test
	void embedsTablesAndFiguresWithoutLinks() throws Exception {
		final List<Path> figures = new ArrayList<>(BoxPlots.write(BoxPlotsTest.detailed(), dir));
		final String caseId = "case<1>&";
		final Path png = dir.resolve(caseId + ".png"), gif = dir.resolve(caseId + ".gif");
		final BufferedImage frame = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
		PngFiles.write(frame, png);
		GifFiles.write(List.of(frame, frame), 100, gif);
		figures.addAll(List.of(png, gif));
		final CsvTable summary = new CsvTable(List.of("fold", "score", "lung_L"));
		summary.add(0, "DSC", 0.912345678).add("mean", "HD95", Double.NaN).add("std", "DSC", 1.0);
		final CsvTable detailed = BoxPlotsTest.detailed();
		detailed.add(caseId, 1, "DSC", 0.25, 0.5, 0.75, 1.0, 0.123456, Double.NaN);
		Report.write(dir, detailed, summary, figures, "Absent <both>: 1.");
		final String html = Files.readString(dir.resolve(Report.FILE), StandardCharsets.UTF_8);
		assertTrue(html.contains("<td>0.9123</td>"), "summary value to 4 decimals");
		assertTrue(html.contains("<td>mean</td><td>HD95</td><td>–</td>"), "NaN as a dash");
		assertTrue(html.contains("<td>1.0000</td>"));
		assertTrue(html.contains("<td>case&lt;1&gt;&amp;</td><td>1</td><td>DSC</td><td>0.2500</td>"), "escaped case id");
		assertTrue(html.contains("<td>case_2</td><td>0</td><td>DSC</td><td>0.6400</td>"));
		assertFalse(html.contains("case<1>"));
		assertTrue(html.contains("Absent &lt;both&gt;: 1."));
		assertFalse(html.matches("(?s).*https?:.*"), "no links");
		assertFalse(html.contains("href"));
		final Matcher images = Pattern.compile("data:image/(png|gif);base64,([A-Za-z0-9+/=]+)").matcher(html);
		final List<String> types = new ArrayList<>();
		while (images.find()) {
			types.add(images.group(1));
			assertTrue(ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(images.group(2)))) != null);
		}
		assertEquals(Metric.values().length + 2, types.size());
		assertEquals("gif", types.get(types.size() - 1));
		assertTrue(html.contains("Case case&lt;1&gt;&amp;: CT | truth | prediction"));
	}

	@Test
	void captionsFollowTheFileNames() {
		assertEquals("Box plot of DSC per class over the cases", Report.caption(Path.of("boxplot_DSC.png")));
		assertTrue(Report.caption(Path.of(FittingCurves.FILE)).startsWith("Training"));
	}
}
