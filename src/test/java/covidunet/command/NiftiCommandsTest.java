package covidunet.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.Command;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

import covidunet.BadInputException;
import covidunet.io.Affine;
import covidunet.io.Geometry;
import covidunet.io.Volume;
import covidunet.io.imagej.LabelLut;
import covidunet.io.nifti.NiftiDatatype;
import covidunet.io.nifti.NiftiHeader;
import covidunet.io.nifti.NiftiReader;
import covidunet.io.nifti.NiftiWriter;
import ij.IJ;
import ij.ImagePlus;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.view.Views;

/** File › Import and File › Save As NIfTI: a volume survives NIfTI → Fiji → TIFF → Fiji → NIfTI. */
class NiftiCommandsTest {

	private static Context context;

	@TempDir
	Path dir;

	@BeforeAll
	static void createContext() {
		context = new Context(CommandService.class);
	}

	@AfterAll
	static void disposeContext() {
		context.dispose();
	}

	@Test
	void geometryAndValuesSurviveATiffRoundTripThroughFiji() throws Exception {
		final long[] dims = { 9, 8, 5 };
		final ArrayImg<ShortType, ShortArray> img = ArrayImgs.shorts(dims);
		final short[] data = img.update(null).getCurrentStorageArray();
		for (int i = 0; i < data.length; i++) data[i] = (short) (i * 37 % 2200 - 1100);
		final Affine oblique = Affine.ofRows(-0.7, 0.1, 0, 120.5, 0.05, -0.69, 0.02, 80.25, 0, 0.03, 2.5, -310.0);
		final Geometry geometry = new Geometry(dims, new double[] { 0.7, 0.7, 2.5 }, oblique, 1, oblique, 2);
		final Path original = dir.resolve("ct.nii.gz");
		NiftiWriter.write(new Volume<>(img, geometry), original, NiftiDatatype.INT16, "");

		final ImagePlus opened = (ImagePlus) run(ImportNiftiCommand.class, "input", original.toFile()).getOutput("image");
		assertEquals("ct", opened.getTitle());
		final String tiff = dir.resolve("ct.tif").toString();
		IJ.saveAsTiff(opened, tiff);
		final ImagePlus reopened = IJ.openImage(tiff);
		final File exported = dir.resolve("again.nii").toFile();
		run(ExportNiftiCommand.class, "image", reopened, "output", exported, "overwrite", false);

		final NiftiHeader header = NiftiReader.readHeader(exported.toPath());
		assertEquals(NiftiDatatype.INT16, header.datatype());
		final Geometry back = header.geometry();
		assertArrayEquals(dims, back.dims());
		assertEquals(1, back.qformCode());
		assertEquals(2, back.sformCode());
		assertTrue(back.sform().approximatelyEquals(oblique, 1e-6), back.sform() + " vs " + oblique);
		final Affine storedQform = NiftiReader.readHeader(original).geometry().qform();
		assertTrue(back.qform().approximatelyEquals(storedQform, 1e-5), back.qform() + " vs " + storedQform);
		assertSameValues(img, NiftiReader.read(exported.toPath()));
	}

	@Test
	void exportRefusesToReplaceAFileUnlessAsked() throws Exception {
		final Path existing = Files.writeString(dir.resolve("taken.nii"), "keep me");
		final ImagePlus image = IJ.createImage("small", "8-bit ramp", 4, 3, 2);
		final ExecutionException e = assertThrows(ExecutionException.class,
			() -> run(ExportNiftiCommand.class, "image", image, "output", existing.toFile(), "overwrite", false));
		assertTrue(causes(e).anyMatch(BadInputException.class::isInstance), e.toString());
		assertEquals("keep me", Files.readString(existing));
		run(ExportNiftiCommand.class, "image", image, "output", existing.toFile(), "overwrite", true);
		assertEquals(NiftiDatatype.UINT8, NiftiReader.readHeader(existing).datatype());
		assertFalse(Files.readString(existing, StandardCharsets.ISO_8859_1).startsWith("keep"));
	}

	@Test
	void aLabelVolumeOpensWithTheLabelColours() throws Exception {
		final long[] dims = { 6, 5, 4 };
		final ArrayImg<UnsignedByteType, ByteArray> labels = ArrayImgs.unsignedBytes(dims);
		final byte[] data = labels.update(null).getCurrentStorageArray();
		for (int i = 0; i < data.length; i++) data[i] = (byte) (i % 4);
		final Path file = dir.resolve("seg.nii.gz");
		NiftiWriter.write(new Volume<>(labels, Geometry.ofSpacing(dims, new double[] { 1, 1, 2 })), file,
			NiftiDatatype.UINT8, "");
		final ImagePlus opened = (ImagePlus) run(ImportNiftiCommand.class, "input", file.toFile()).getOutput("image");
		assertEquals(LabelLut.colour(LabelLut.INFECTION).getRGB(), opened.getProcessor().getColorModel().getRGB(3));

		data[0] = 4;
		NiftiWriter.write(new Volume<>(labels, Geometry.ofSpacing(dims, new double[] { 1, 1, 2 })), file,
			NiftiDatatype.UINT8, "");
		final ImagePlus grey = (ImagePlus) run(ImportNiftiCommand.class, "input", file.toFile()).getOutput("image");
		assertEquals(0xff030303, grey.getProcessor().getColorModel().getRGB(3), "grey LUT for other uint8 images");
	}

	private static CommandModule run(final Class<? extends Command> command,
		final Object... inputs) throws Exception
	{
		return context.service(CommandService.class).run(command, true, inputs).get();
	}

	private static Stream<Throwable> causes(final Throwable t) {
		return Stream.iterate(t, Objects::nonNull, Throwable::getCause);
	}

	private static void assertSameValues(final ArrayImg<ShortType, ShortArray> expected, final Volume<?> actual) {
		final var a = Views.flatIterable(actual.image()).cursor();
		for (final ShortType e : Views.flatIterable(expected)) {
			assertEquals(e.getRealDouble(), ((RealType<?>) a.next()).getRealDouble(), 0);
		}
	}
}
