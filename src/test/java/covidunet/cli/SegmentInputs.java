package covidunet.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import net.imglib2.img.array.ArrayImgs;

import covidunet.io.Affine;
import covidunet.io.Geometry;
import covidunet.io.Volume;
import covidunet.io.nifti.NiftiWriter;
import covidunet.model.net.Norm;
import covidunet.preprocess.PreprocessConfig;
import covidunet.testing.UntrainedModels;

/** An untrained model and a folder of small scans, for the tests that interrupt {@code segment}. */
final class SegmentInputs {

	private SegmentInputs() {}

	/** Exports an untrained model (16 × 16 × 8 windows, 1.5 × 1.5 × 2 mm voxels) into {@code dir}. */
	static Path model(final Path dir) {
		UntrainedModels.export(dir, UntrainedModels.tiny(Norm.INSTANCE), 3,
			PreprocessConfig.REFERENCE.toBuilder().targetSpacing(1.5, 1.5, 2).build());
		return dir;
	}

	/** Writes {@code count} CT-like scans {@code case_1.nii.gz …} of 48 × 40 × 20 voxels with an oblique sform. */
	static Path scans(final Path folder, final int count) throws IOException {
		Files.createDirectories(folder);
		final Random random = new Random(5);
		final long[] dims = { 48, 40, 20 };
		final Affine sform = Affine.ofRows(1.4, 0.1, 0, -30, -0.1, 1.4, 0, 20, 0, 0, 2.5, -50);
		for (int i = 1; i <= count; i++) {
			final float[] v = new float[(int) (dims[0] * dims[1] * dims[2])];
			for (int j = 0; j < v.length; j++) v[j] = random.nextInt(1400) - 1000;
			NiftiWriter.write(new Volume<>(ArrayImgs.floats(v, dims), Geometry.fromAffine(dims, sform,
				Geometry.CODE_SCANNER)), folder.resolve("case_" + i + ".nii.gz"), "test ct");
		}
		return folder;
	}
}
