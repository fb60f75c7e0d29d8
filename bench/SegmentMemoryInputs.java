import java.nio.file.Path;

import covidunet.bench.CtLikeVolume;
import covidunet.bench.FreshModel;
import covidunet.io.nifti.NiftiDatatype;
import covidunet.io.nifti.NiftiWriter;
import covidunet.model.net.UNetConfig;

/**
 * The inputs of {@code bench/segment-memory.sh}: a seeded CT-like int16 NIfTI of 512 × 512 × Z
 * voxels of 0.7 × 0.7 × 1.5 mm ({@link CtLikeVolume}) and, if a model folder is given, an
 * untrained model directory of the CPU default network ({@link UNetConfig#CPU_DEFAULT},
 * {@link FreshModel}). Run from the built project:
 * {@code java -cp "target/classes:target/dependency/*" bench/SegmentMemoryInputs.java SCAN.nii.gz Z [MODEL_DIR]}.
 */
public final class SegmentMemoryInputs {

	private SegmentMemoryInputs() {}

	/**
	 * @param args the NIfTI file to write, its number of slices, and optionally the model
	 *          directory to export (which must not hold a model)
	 */
	public static void main(final String[] args) {
		if (args.length < 2 || args.length > 3) {
			System.err.println("usage: SegmentMemoryInputs SCAN.nii.gz SLICES [MODEL_DIR]");
			System.exit(2);
		}
		final int slices = Integer.parseInt(args[1]);
		NiftiWriter.write(CtLikeVolume.create(512, 512, slices, FreshModel.SEED), Path.of(args[0]), NiftiDatatype.INT16,
			"covid-unet bench segment-memory");
		if (args.length == 3) FreshModel.export(UNetConfig.CPU_DEFAULT, Path.of(args[2]));
	}
}
