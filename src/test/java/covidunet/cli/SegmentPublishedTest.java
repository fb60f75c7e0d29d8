package covidunet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import covidunet.io.nifti.NiftiReader;
import covidunet.model.published.PublishedModels;
import covidunet.testing.ChildJvm;

/**
 * {@code segment --model_source published}: the published ensemble from the user's cache folder,
 * without a model folder; and the refusals of the model options.
 */
class SegmentPublishedTest {

	@TempDir
	Path tmp;

	private static Launch segment(final String... args) {
		return Launch.with(new Main(Subcommands.standard()), Stream.concat(Stream.of("segment"), Stream.of(args))
			.toArray(String[]::new));
	}

	private static void assertError(final Launch launch, final String line) {
		assertEquals(2, launch.code(), launch.err());
		assertEquals("error: " + line + System.lineSeparator(), launch.err());
	}

	@Test
	void thePublishedEnsembleInTheUsersCacheFolderIsUsedWithoutDownloadingAgain() throws IOException,
		InterruptedException
	{
		final Path cache = tmp.resolve("cache");
		final Path published = cache.resolve("covid-unet").resolve("models").resolve("zenodo-" +
			PublishedModels.RECORD_ID);
		final Path model = SegmentInputs.model(tmp.resolve("model"));
		for (int k = 0; k < 5; k++) copy(model, published.resolve("fold_" + k));
		final Path scan = SegmentInputs.scans(tmp.resolve("scans"), 1).resolve("case_1.nii.gz");
		final Path labels = tmp.resolve("out").resolve("case_1_labels.nii.gz");
		Files.createDirectories(labels.getParent());
		try (ChildJvm child = ChildJvm.start(ChildJvm.LAUNCHER, List.of("segment", "--model_source", "published",
			"--input", scan.toString(), "--output", labels.toString(), "--threads", "1"), Map.of("XDG_CACHE_HOME", cache
				.toString())))
		{
			assertEquals(0, child.awaitExit(3), String.join("\n", child.output()));
			assertTrue(child.output().stream().anyMatch(l -> l.startsWith(labels + ": lungs ")), String.join("\n", child
				.output()));
			assertTrue(child.output().contains(published + ": all 5 folds are imported already; nothing to do"), String
				.join("\n", child.output()));
		}
		assertEquals(3, NiftiReader.readHeader(labels).geometry().dims().length);
	}

	@Test
	void theModelOptionsAreRefusedInOneLine() throws IOException {
		final Path scan = SegmentInputs.scans(tmp.resolve("scans"), 1).resolve("case_1.nii.gz");
		final String out = tmp.resolve("labels.nii.gz").toString();
		assertError(segment("--input", scan.toString(), "--output", out), "missing --model for 'segment' (or " +
			"--model_source published)");
		assertError(segment("--input", scan.toString(), "--output", out, "--model_source", "folder"),
			"missing --model for 'segment' (or --model_source published)");
		assertError(segment("--input", scan.toString(), "--output", out, "--model_source", "published", "--model",
			tmp.toString()), "model " + tmp + ": not used with --model_source published; give one or the other");
		assertError(segment("--input", scan.toString(), "--output", out, "--model_source", "zenodo"),
			"bad value 'zenodo' for --model_source: expected one of folder, published");
	}

	private static void copy(final Path from, final Path to) throws IOException {
		try (Stream<Path> paths = Files.walk(from)) {
			for (final Path p : paths.toList()) {
				final Path target = to.resolve(from.relativize(p).toString());
				if (Files.isDirectory(p)) Files.createDirectories(target);
				else Files.copy(p, target);
			}
		}
	}
}
