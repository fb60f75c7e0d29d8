package covidunet.io.nifti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import covidunet.io.Geometry;
import covidunet.io.Volume;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.IntType;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.real.FloatType;

class VoxelStatisticsTest {

	private static final long[] DIMS = { 13, 11, 7 };

	@TempDir
	Path dir;

	@Test
	void int16StatisticsMatchADirectComputation() {
		final ArrayImg<ShortType, ShortArray> img = ArrayImgs.shorts(DIMS);
		final short[] data = img.update(null).getCurrentStorageArray();
		final SplittableRandom random = new SplittableRandom(1);
		for (int i = 0; i < data.length; i++) data[i] = (short) random.nextInt(-1024, 3000);
		data[5] = Short.MIN_VALUE;
		data[6] = Short.MAX_VALUE;
		final VoxelStatistics.Summary s = statisticsOf(img, NiftiDatatype.INT16);
		long sum = 0;
		for (final short v : data) sum += v;
		assertEquals(Short.MIN_VALUE, s.min());
		assertEquals(Short.MAX_VALUE, s.max());
		assertEquals((double) sum / data.length, s.mean(), 1e-9);
		assertNull(s.labels(), "thousands of distinct values are not labels");
		assertEquals(0, s.nanCount());
	}

	@Test
	void uint8LabelsAreCounted() {
		final ArrayImg<UnsignedByteType, ByteArray> img = ArrayImgs.unsignedBytes(DIMS);
		final byte[] data = img.update(null).getCurrentStorageArray();
		final Map<Double, Long> expected = new TreeMap<>();
		for (int i = 0; i < data.length; i++) {
			final int label = i % 5 == 0 ? 200 : i % 4;
			data[i] = (byte) label;
			expected.merge((double) label, 1L, Long::sum);
		}
		final VoxelStatistics.Summary s = statisticsOf(img, NiftiDatatype.UINT8);
		assertEquals(expected, s.labels());
		assertEquals(0, s.min());
		assertEquals(200, s.max());
	}

	@Test
	void float32NaNAndInfinityAreCountedAndLeftOutOfTheMean() {
		final ArrayImg<FloatType, FloatArray> img = ArrayImgs.floats(DIMS);
		final float[] data = img.update(null).getCurrentStorageArray();
		for (int i = 0; i < data.length; i++) data[i] = i % 3;
		data[0] = Float.NaN;
		data[1] = Float.NaN;
		data[2] = Float.POSITIVE_INFINITY;
		double sum = 0;
		for (int i = 3; i < data.length; i++) sum += data[i];
		final VoxelStatistics.Summary s = statisticsOf(img, NiftiDatatype.FLOAT32);
		assertEquals(2, s.nanCount());
		assertEquals(1, s.infiniteCount());
		assertEquals(sum / (data.length - 3), s.mean(), 1e-9);
		assertEquals(0, s.min());
		assertEquals(2, s.max());
		assertNull(s.labels(), "NaN voxels make it no label image");
	}

	@Test
	void integralFloatsWithFewValuesAreLabels() {
		final ArrayImg<FloatType, FloatArray> img = ArrayImgs.floats(DIMS);
		final float[] data = img.update(null).getCurrentStorageArray();
		for (int i = 0; i < data.length; i++) data[i] = i % 4;
		final VoxelStatistics.Summary s = statisticsOf(img, NiftiDatatype.FLOAT32);
		assertEquals(4, s.labels().size());
		assertEquals(Long.valueOf((data.length + 3) / 4), s.labels().get(0.0));
	}

	@Test
	void int32LabelsStopAtTheLimit() {
		final ArrayImg<IntType, IntArray> img = ArrayImgs.ints(DIMS);
		final int[] data = img.update(null).getCurrentStorageArray();
		for (int i = 0; i < data.length; i++) data[i] = i % (VoxelStatistics.MAX_LABELS + 1);
		assertNull(statisticsOf(img, NiftiDatatype.INT32).labels());
		for (int i = 0; i < data.length; i++) data[i] = i % VoxelStatistics.MAX_LABELS - 100000;
		final VoxelStatistics.Summary s = statisticsOf(img, NiftiDatatype.INT32);
		assertEquals(VoxelStatistics.MAX_LABELS, s.labels().size());
		assertEquals(-100000, s.min());
	}

	private <T extends RealType<T>> VoxelStatistics.Summary statisticsOf(final RandomAccessibleInterval<T> img,
		final NiftiDatatype type)
	{
		final Path file = dir.resolve(type + ".nii.gz");
		NiftiWriter.write(new Volume<>(img, Geometry.ofSpacing(DIMS, new double[] { 1, 1, 2 })), file, type, "");
		final VoxelStatistics statistics = new VoxelStatistics();
		NiftiReader.readSlices(file, statistics);
		return statistics.summary();
	}
}
