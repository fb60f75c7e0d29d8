package covidunet.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

import covidunet.dataset.TestDatasets;
import covidunet.io.Affine;
import covidunet.io.Geometry;
import covidunet.io.Volume;
import covidunet.io.nifti.NiftiFiles;
import covidunet.io.nifti.NiftiHeader;
import covidunet.io.nifti.NiftiReader;
import covidunet.io.nifti.NiftiWriter;
import covidunet.model.io.ModelCard;
import covidunet.model.io.ModelDirectory;
import covidunet.model.net.Norm;
import covidunet.model.net.UNetConfig;
import covidunet.predict.SegmentJob;
import covidunet.preprocess.PreprocessConfig;
import covidunet.testing.Python;
import covidunet.testing.UntrainedModels;

/** {@code segment} through the launcher's runner: outputs, folder mode, and the refusals. */
class SegmentSubcommandTest {

	@TempDir
	static Path shared;

	@TempDir
	Path tmp;

	private static Path model;

	@BeforeAll
	static void exportModel() {
		final UNetConfig net = UntrainedModels.tiny(Norm.INSTANCE);
		model = shared.resolve("model");
		UntrainedModels.export(model, net, 3, PreprocessConfig.REFERENCE.toBuilder().targetSpacing(2.5, 2.5, 3.5).build());
	}

	/** A small CT-like volume with an oblique sform and an LPS qform. */
	private static Path ct(final Path file, final long nz, final float special) {
		final long[] dims = { 30, 24, nz };
		final float[] v = new float[(int) (dims[0] * dims[1] * dims[2])];
		for (int i = 0; i < v.length; i++) v[i] = (i * 37 % 101) * 12 - 900;
		v[v.length / 2] = special;
		final Affine sform = Affine.ofRows(1.9, 0.2, 0, -30, -0.2, 1.9, 0, 20, 0, 0, 3, -50);
		final Affine qform = Affine.ofRows(-1.9, 0, 0, 30, 0, -1.9, 0, 40, 0, 0, 3, -50);
		final Geometry g = new Geometry(dims, new double[] { 1.9, 1.9, 3 }, qform, Geometry.CODE_SCANNER, sform,
			Geometry.CODE_ALIGNED);
		NiftiWriter.write(new Volume<>(ArrayImgs.floats(v, dims), g), file, "test ct");
		return file;
	}

	private static Launch segment(final String... args) {
		final List<String> all = new java.util.ArrayList<>(List.of("segment", "--model", model.toString(), "--threads",
			"1"));
		all.addAll(List.of(args));
		return Launch.with(new Main(Subcommands.standard()), all.toArray(String[]::new));
	}

	private static void assertError(final Launch launch, final String start) {
		assertEquals(2, launch.code(), launch.err());
		assertTrue(launch.err().startsWith("error: " + start), launch.err());
		assertEquals(1, launch.err().lines().count(), launch.err());
	}

	private static Set<String> files(final Path dir) throws IOException {
		try (Stream<Path> s = Files.list(dir)) {
			return new TreeSet<>(s.map(p -> p.getFileName().toString()).toList());
		}
	}

	/** The uncompressed NIfTI file with a header field changed (see {@link NiftiFiles}). */
	private static Path patched(final Path file, final UnaryOperator<NiftiFiles> change) throws IOException {
		Files.write(file, change.apply(NiftiFiles.of(Files.readAllBytes(file))).bytes());
		return file;
	}

	@Test
	void aFileGetsLabelsWithItsGeometryTheDigestAndVolumetrics() throws IOException {
		final Path input = ct(tmp.resolve("scan.nii.gz"), 12, 0);
		final Path out = tmp.resolve("out").resolve("scan_labels.nii.gz");
		Files.createDirectories(out.getParent());
		final Launch launch = segment("--input", input.toString(), "--output", out.toString(), "--probabilities", "true");
		assertEquals("", launch.err());
		assertEquals(0, launch.code());
		final NiftiHeader in = NiftiReader.readHeader(input), header = NiftiReader.readHeader(out);
		assertEquals("uint8", header.datatype().numpyName());
		assertEquals(in.geometry().sform(), header.geometry().sform());
		assertEquals(in.geometry().qform(), header.geometry().qform());
		assertEquals(in.geometry().sformCode(), header.geometry().sformCode());
		final String digest = ModelCard.read(model.resolve(ModelDirectory.MODEL_JSON)).savedModelSha256().orElseThrow();
		assertEquals("covid-unet " + digest, header.descrip());
		final Volume<?> labels = NiftiReader.read(out);
		for (final Object t : Views.flatIterable(labels.image())) {
			final int value = ((UnsignedByteType) t).get();
			assertTrue(value >= 0 && value <= 3, "label " + value);
		}
		assertEquals(Set.of("scan_labels.nii.gz", "scan_labels_volumes.csv", "scan_prob_background.nii.gz",
			"scan_prob_lung_left.nii.gz", "scan_prob_lung_right.nii.gz", "scan_prob_infection.nii.gz"), files(out
				.getParent()));
		final List<String> csv = Files.readAllLines(out.resolveSibling("scan_labels_volumes.csv"));
		assertEquals(String.join(",", covidunet.predict.Volumetrics.COLUMNS), csv.get(0));
		assertTrue(csv.get(1).startsWith("scan,"), csv.get(1));
		final Volume<?> p = NiftiReader.read(out.resolveSibling("scan_prob_background.nii.gz"));
		assertArrayEquals(in.geometry().dims(), p.geometry().dims());
		assertTrue(((FloatType) Views.flatIterable(p.image()).firstElement()).get() >= 0);
		assertTrue(launch.out().contains(out + ": lungs "), launch.out());

		final String affines = Python.lastLine(String.join("\n", "import sys, numpy as np, nibabel as nib",
			"a, b = nib.load(sys.argv[1]), nib.load(sys.argv[2])",
			"print(np.abs(a.affine - b.affine).max(), np.abs(a.get_qform() - b.get_qform()).max(), b.get_data_dtype())"),
			input.toString(), out.toString());
		final String[] f = affines.split(" ");
		assertTrue(Double.parseDouble(f[0]) < 1e-5 && Double.parseDouble(f[1]) < 1e-5, affines);
		assertEquals("uint8", f[2]);
	}

	@Test
	void fijisRunSyntaxSegmentsLikeTheSubcommandAndRefusesMalformedArguments() throws IOException {
		final Path input = ct(tmp.resolve("scan one.nii.gz"), 12, 0);
		final Path viaSubcommand = tmp.resolve("a").resolve("labels.nii.gz");
		final Path viaRun = tmp.resolve("b").resolve("labels.nii.gz");
		Files.createDirectories(viaSubcommand.getParent());
		Files.createDirectories(viaRun.getParent());
		assertEquals(0, segment("--input", input.toString(), "--output", viaSubcommand.toString()).code());
		final Launch run = Launch.with(new Main(Subcommands.standard()), "--run", "Segment Volume", "input='" + input +
			"',model='" + model + "',output='" + viaRun + "',threads=1");
		assertEquals("", run.err());
		assertEquals(0, run.code());
		assertArrayEquals(Files.readAllBytes(viaSubcommand), Files.readAllBytes(viaRun), "the same label file");

		final Path none = tmp.resolve("c").resolve("labels.nii.gz");
		assertError(Launch.with(new Main(Subcommands.standard()), "--run", "Segment Volume", "input='" + input +
			"',model='" + model + "',output='" + none), "cannot parse --run arguments");
		assertError(Launch.with(new Main(Subcommands.standard()), "--run", "Segment Volume", "input=" + input +
			",model='" + model + "',output='" + none + "'"), "cannot parse --run arguments");
		assertError(Launch.with(new Main(Subcommands.standard()), "--run", "Segment Volume", "input='" + input +
			"',model='" + model + "',output='" + none + "',batch='two'"), "bad value 'two' for --batch: expected an integer");
		assertError(Launch.with(new Main(Subcommands.standard()), "--run", "Segment Volume", "input='" + input +
			"',output='" + none + "'"), "missing --model for 'segment'");
		assertFalse(Files.exists(none.getParent()));
	}

	@Test
	void folderModeKeepsCaseIdsAndSkipsExistingOutputs() throws IOException {
		final Path in = tmp.resolve("in");
		Files.createDirectories(in);
		ct(in.resolve("coronacases_org_001.nii.gz"), 8, 0);
		ct(in.resolve("patient7.nii"), 8, 0);
		final Path out = tmp.resolve("out");
		final Launch first = segment("--input", in.toString(), "--output", out.toString());
		assertEquals(0, first.code(), first.err());
		assertEquals(Set.of("coronacases_001.nii.gz", "patient7.nii.gz", SegmentJob.VOLUMES), files(out));
		assertEquals(3, Files.readAllLines(out.resolve(SegmentJob.VOLUMES)).size());
		final long modified = Files.getLastModifiedTime(out.resolve("patient7.nii.gz")).toMillis();
		final Launch second = segment("--input", in.toString(), "--output", out.toString());
		assertEquals(0, second.code(), second.err());
		assertTrue(second.out().contains("exists, skipped"), second.out());
		assertEquals(3, Files.readAllLines(out.resolve(SegmentJob.VOLUMES)).size(), "skipped cases keep their rows");
		assertEquals(modified, Files.getLastModifiedTime(out.resolve("patient7.nii.gz")).toMillis());
		final Launch again = segment("--input", in.toString(), "--output", out.toString(), "--overwrite", "true");
		assertEquals(0, again.code(), again.err());
		assertFalse(again.out().contains("skipped"), again.out());
	}

	@Test
	void badInputsGiveOneLineAndNoOutput() throws IOException {
		final Path out = tmp.resolve("o").resolve("labels.nii.gz");
		Files.createDirectories(out.getParent());
		assertError(segment("--input", ct(tmp.resolve("flat.nii.gz"), 1, 0).toString(), "--output", out.toString()),
			"input " + tmp.resolve("flat.nii.gz") + ": a 2-D image");
		assertError(segment("--input", ct(tmp.resolve("nan.nii.gz"), 8, Float.NaN).toString(), "--output", out
			.toString()), tmp.resolve("nan.nii.gz") + ": 1 NaN voxels in the image");
		final Path scan = ct(tmp.resolve("scan.nii.gz"), 8, 0);
		assertError(segment("--input", scan.toString(), "--output", scan.toString()), "output " + scan +
			": is the input");
		assertEquals(Set.of(), files(out.getParent()), "nothing written");
		Files.writeString(out, "keep me");
		assertError(segment("--input", scan.toString(), "--output", out.toString()), "output " + out + ": exists");
		assertEquals("keep me", Files.readString(out));
		final Path fresh = tmp.resolve("o2").resolve("labels.nii.gz");
		Files.createDirectories(fresh.getParent());
		assertError(segment("--input", patched(ct(tmp.resolve("rgb.nii"), 8, 0), f -> f.putShort(NiftiFiles.DATATYPE, 128))
			.toString(), "--output", fresh.toString()), tmp.resolve("rgb.nii") + ": voxel type is RGB24");
		final Path flat = patched(ct(tmp.resolve("zero.nii"), 8, 0), f -> f.putShort(NiftiFiles.QFORM_CODE, 0).putShort(
			NiftiFiles.SFORM_CODE, 0).putFloat(NiftiFiles.PIXDIM + 4, 0));
		final Launch zero = segment("--input", flat.toString(), "--output", fresh.toString());
		assertEquals(2, zero.code(), zero.err());
		assertTrue(zero.err().startsWith("error: ") && zero.err().contains("zero.nii") && zero.err().contains("spacing"),
			zero.err());
		assertEquals(Set.of(), files(fresh.getParent()), "nothing written");
		final Path altered = tmp.resolve("altered");
		TestDatasets.copyTree(model, altered);
		UntrainedModels.alterWeights(altered);
		assertError(Launch.with(new Main(Subcommands.standard()), "segment", "--model", altered.toString(), "--input",
			flat.resolveSibling("scan.nii.gz").toString(), "--output", fresh.toString()), "model " + altered +
				": saved_model does not match the digest");
		assertEquals(Set.of(), files(fresh.getParent()), "nothing written");
		final Path noCard = tmp.resolve("nocard");
		Files.createDirectories(noCard);
		assertError(Launch.with(new Main(Subcommands.standard()), "segment", "--model", noCard.toString(), "--input", scan
			.toString(), "--output", tmp.resolve("x.nii.gz").toString()), "model " + noCard + ": no model.json");
		assertFalse(Files.exists(tmp.resolve("x.nii.gz")));
	}
}
