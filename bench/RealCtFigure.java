import java.nio.file.Path;
import java.util.List;

import covidunet.dataset.MaskReader;
import covidunet.figure.PngFiles;
import covidunet.figure.SliceMontage;
import covidunet.io.Volume;
import covidunet.io.nifti.NiftiReader;
import net.imglib2.Cursor;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.view.Views;

/**
 * The figure of the README and docs/real-scans.md: the real CT {@code example_ct_sm.nii.gz} with, in columns, the
 * CT, the TotalSegmentator lungs (lobes 10, 11 as label 1, the patient's left; 12–14 as label 2)
 * and our labels; in rows, three slices through the lung bases and one through the upper abdomen
 * (the fifth slice from the bottom), drawn as the evaluation's case figures are.
 * <p>
 * Run from the project folder after {@code mvn package}: {@code java -cp
 * "target/classes:target/dependency/*" bench/RealCtFigure.java DATA OURS.nii.gz OUT.png}.
 */
public final class RealCtFigure {

	private static final int ABDOMEN_SLICE = 4;

	private RealCtFigure() {}

	public static void main(final String[] args) {
		final Path data = Path.of(args[0]);
		final Volume<?> ct = NiftiReader.read(data.resolve("example_ct_sm.nii.gz"));
		final Volume<UnsignedByteType> truth = lungs(NiftiReader.read(data.resolve("example_seg.nii.gz")));
		final Volume<UnsignedByteType> ours = MaskReader.read(Path.of(args[1]));
		final long[] lungSlices = SliceMontage.slicesThroughLabels(truth, 3);
		final long[] slices = { lungSlices[0], lungSlices[1], lungSlices[2], ABDOMEN_SLICE };
		PngFiles.write(SliceMontage.render(ct, List.of(truth, ours), slices, -1000, 400, 0), Path.of(args[2]));
	}

	/** The lobes as our lung labels. */
	private static Volume<UnsignedByteType> lungs(final Volume<?> lobes) {
		final Volume<UnsignedByteType> out = new Volume<>(ArrayImgs.unsignedBytes(lobes.geometry().dims()), lobes
			.geometry());
		final Cursor<? extends RealType<?>> in = Views.flatIterable(((Volume<? extends RealType<?>>) lobes).image())
			.cursor();
		final Cursor<UnsignedByteType> to = Views.flatIterable(out.image()).cursor();
		while (in.hasNext()) {
			final int lobe = (int) in.next().getRealDouble();
			to.next().set(lobe == 10 || lobe == 11 ? 1 : lobe >= 12 && lobe <= 14 ? 2 : 0);
		}
		return out;
	}
}
