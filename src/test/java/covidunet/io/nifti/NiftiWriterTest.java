package covidunet.io.nifti;

import static covidunet.io.nifti.Checks.assertBad;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import covidunet.io.Geometry;
import covidunet.io.Volume;
import net.imglib2.converter.Converters;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/** Our own write and read agree; writes are atomic and refuse values that do not fit. */
class NiftiWriterTest {

	private static final long[] DIMS = { 5, 4, 3 };

	@TempDir
	Path dir;

	@ParameterizedTest
	@EnumSource(NiftiDatatype.class)
	void roundTripOfEveryDatatype(final NiftiDatatype type) {
		for (final String name : List.of("round.nii", "round.nii.gz")) {
			final Geometry geometry = TestVolumes.geometry(DIMS, Affines.OBLIQUE_LEFT, 1, 2);
			final Volume<?> written = TestVolumes.random(type, geometry, type.ordinal());
			final Path file = dir.resolve(type + "-" + name);
			NiftiWriter.write(TestVolumes.real(written), file, type, "round trip");
			final Volume<?> read = NiftiReader.read(file);
			assertEquals(type, NiftiDatatype.forType(read.type()).orElseThrow(), name);
			Checks.assertValues(Checks.values(written), Checks.values(read), 0, type + " " + name);
			final Geometry back = read.geometry();
			assertArrayEquals(DIMS, back.dims());
			assertArrayEquals(geometry.spacing(), back.spacing(), 1e-6);
			assertEquals(1, back.qformCode());
			assertEquals(2, back.sformCode());
			assertTrue(back.qform().approximatelyEquals(geometry.qform(), 1e-5), "qform");
			assertTrue(back.sform().approximatelyEquals(geometry.sform(), 1e-5), "sform");
			assertEquals("round trip", NiftiReader.readHeader(file).descrip());
			assertEquals(name.endsWith(".gz"), isGzip(file), "gzip by the name");
		}
		assertEquals(List.of(type + "-round.nii", type + "-round.nii.gz"), listing(), "no temporary file is left");
	}

	@Test
	void replacesAnExistingFileWhole() {
		final Path file = dir.resolve("twice.nii.gz");
		final Geometry g = Geometry.ofSpacing(DIMS, new double[] { 1, 1, 1 });
		NiftiWriter.write(TestVolumes.real(TestVolumes.random(NiftiDatatype.FLOAT64, g, 1)), file, "first");
		final Volume<?> second = TestVolumes.random(NiftiDatatype.UINT8, g, 2);
		NiftiWriter.write(TestVolumes.real(second), file, "second");
		Checks.assertValues(Checks.values(second), Checks.values(NiftiReader.read(file)), 0, "second write");
		assertEquals(List.of("twice.nii.gz"), listing());
	}

	@Test
	void valuesOutOfRangeAreRefusedAndLeaveNothing() {
		final Path file = dir.resolve("labels.nii.gz");
		final ArrayImg<FloatType, FloatArray> values = ArrayImgs.floats(new float[] { -3, 0, 1, 300, 2, 2, 2, 2 }, 2, 2, 2);
		final Volume<FloatType> volume = new Volume<>(values, Geometry.ofSpacing(new long[] { 2, 2, 2 },
			new double[] { 1, 1, 1 }));
		assertBad(file, () -> NiftiWriter.write(volume, file, NiftiDatatype.UINT8, ""), "values range from -3 to 300",
			"uint8", "0 to 255");
		assertEquals(List.of(), listing());
		values.firstElement().set(Float.NaN);
		assertBad(file, () -> NiftiWriter.write(volume, file, NiftiDatatype.INT16, ""), "NaN", "int16");
		values.firstElement().set(-3);
		assertBad(file, () -> NiftiWriter.write(volume, file, NiftiDatatype.INT16, "", 0.001, 0), "values range from",
			"300000", "int16");
		assertEquals(List.of(), listing());
		final Volume<FloatType> huge = new Volume<>(ArrayImgs.floats(new float[] { 1e30f }, 1, 1, 1), Geometry.ofSpacing(
			new long[] { 1, 1, 1 }, new double[] { 1, 1, 1 }));
		assertBad(file, () -> NiftiWriter.write(huge, file, NiftiDatatype.INT64, ""), "int64");
	}

	@Test
	void nonFiniteFloatsAreKeptInFloatFiles() {
		final Path file = dir.resolve("specials.nii");
		final Volume<?> volume = new Volume<>(ArrayImgs.doubles(new double[] { Double.NaN, Double.POSITIVE_INFINITY,
			Double.NEGATIVE_INFINITY, 1e300 }, 2, 2, 1), Geometry.ofSpacing(new long[] { 2, 2, 1 }, new double[] { 1, 1,
				1 }));
		assertBad(file, () -> NiftiWriter.write(TestVolumes.real(volume), file, NiftiDatatype.FLOAT32, ""),
			"1.0E300", "float32");
		NiftiWriter.write(TestVolumes.real(volume), file, NiftiDatatype.FLOAT64, "");
		Checks.assertValues(Checks.values(volume), Checks.values(NiftiReader.read(file)), 0, "float64");
	}

	@Test
	void convertsAndScalesThroughTheGenericPath() {
		final Path file = dir.resolve("hu.nii.gz");
		final ArrayImg<FloatType, FloatArray> hu = ArrayImgs.floats(DIMS);
		int i = 0;
		for (final FloatType v : hu) v.setReal(-1024 + 17.25 * i++);
		final Geometry g = TestVolumes.geometry(DIMS, Affines.LPS, 1, 1);
		final RandomAccessibleInterval<FloatType> view = Views.zeroMin(Views.translate(hu, 10, 20, 30));
		NiftiWriter.write(new Volume<>(view, g), file, NiftiDatatype.INT16, "scaled", 0.25, -1024);
		final NiftiHeader header = NiftiReader.readHeader(file);
		assertEquals(0.25, header.slope());
		assertEquals(-1024, header.intercept());
		final Volume<?> read = NiftiReader.read(file);
		assertTrue(read.type() instanceof FloatType, "scaled int16 reads as float");
		Checks.assertValues(Checks.values(new Volume<>(hu, g)), Checks.values(read), 0, "quarter-unit values");
	}

	@Test
	void roundsToNearestWhenStoringIntegers() {
		final Path file = dir.resolve("rounded.nii");
		final Volume<FloatType> volume = new Volume<>(ArrayImgs.floats(new float[] { 0.4f, 0.5f, 1.5f, 254.6f }, 2, 2, 1),
			Geometry.ofSpacing(new long[] { 2, 2, 1 }, new double[] { 1, 1, 1 }));
		NiftiWriter.write(volume, file, NiftiDatatype.UINT8, "");
		assertArrayEquals(new double[] { 0, 0, 2, 255 }, Checks.values(NiftiReader.read(file)));
	}

	@Test
	void unwritableTargetsLeaveNothing() throws IOException {
		final Volume<?> volume = TestVolumes.random(NiftiDatatype.INT16, Geometry.ofSpacing(DIMS, new double[] { 1, 1, 1 }),
			5);
		final Path missing = dir.resolve("no-such-folder").resolve("out.nii.gz");
		assertBad(missing, () -> NiftiWriter.write(TestVolumes.real(volume), missing, "x"), "cannot write",
			"folder does not exist");
		final Path notAFolder = Files.writeString(dir.resolve("plain-file"), "x").resolve("out.nii");
		assertBad(notAFolder, () -> NiftiWriter.write(TestVolumes.real(volume), notAFolder, "x"), "cannot write");
		final Path folder = Files.createDirectory(dir.resolve("taken.nii.gz"));
		assertBad(folder, () -> NiftiWriter.write(TestVolumes.real(volume), folder, "x"), "cannot write");
		assertEquals(List.of("plain-file", "taken.nii.gz"), listing(), "no temporary file is left");
	}

	@Test
	void aFailureWhileWritingLeavesNothing() {
		final ArrayImg<ShortType, ?> source = ArrayImgs.shorts(DIMS);
		final RandomAccessibleInterval<ShortType> failing = Converters.convert((RandomAccessibleInterval<ShortType>) source,
			(in, out) -> {
				if (in.get() != 0) throw new IllegalStateException("the source broke");
				out.set(in);
			}, new ShortType());
		final Volume<ShortType> volume = new Volume<>(failing, Geometry.ofSpacing(DIMS, new double[] { 1, 1, 1 }));
		source.getAt(1, 1, 2).set((short) 7);
		final Path file = dir.resolve("broken.nii.gz");
		assertThrows(IllegalStateException.class, () -> NiftiWriter.write(volume, file, NiftiDatatype.INT16, ""));
		assertEquals(List.of(), listing(), "neither output nor temporary file");
	}

	@Test
	void dimsBeyondNiftiOne() {
		final Path file = dir.resolve("wide.nii");
		final Volume<UnsignedByteType> wide = new Volume<>(ArrayImgs.unsignedBytes(40000, 1, 1), Geometry.ofSpacing(
			new long[] { 40000, 1, 1 }, new double[] { 1, 1, 1 }));
		assertBad(file, () -> NiftiWriter.write(wide, file, ""), "40000x1x1", "32767");
		assertFalse(Files.exists(file));
	}

	@Test
	void writesAHeaderNibabelWouldWrite() throws IOException {
		final Path file = dir.resolve("header.nii");
		NiftiWriter.write(TestVolumes.real(TestVolumes.random(NiftiDatatype.UINT8, TestVolumes.geometry(DIMS,
			Affines.RAS, 1, 1), 3)), file, "header check");
		final byte[] bytes = Files.readAllBytes(file);
		assertEquals(352 + 5 * 4 * 3, bytes.length);
		assertArrayEquals(new byte[] { 0, 0, 0, 0 }, Arrays.copyOfRange(bytes, 348, 352), "no extensions");
		final NiftiHeader header = NiftiReader.readHeader(file);
		assertEquals(NiftiHeader.UNITS_MM_SEC, header.xyztUnits());
		assertEquals("n+1", header.magic());
		assertEquals(1, header.sclSlope());
		assertEquals(0, header.sclInter());
	}

	private List<String> listing() {
		try (Stream<Path> files = Files.list(dir)) {
			return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
		}
		catch (final IOException e) {
			throw new AssertionError(e);
		}
	}

	private static boolean isGzip(final Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			return in.read() == 0x1f && in.read() == 0x8b;
		}
		catch (final IOException e) {
			throw new AssertionError(e);
		}
	}
}
