package covidunet.io.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import covidunet.Progress;
import ij.Prefs;
import net.imglib2.type.numeric.real.FloatType;

/** Values come back rescaled (slope × stored + intercept) however ImageJ stores them. */
class HounsfieldTest {

	private static final int[] SIGNED = { -2048, -1024, -1, 0, 1, 1502 };
	private static final int[] UNSIGNED = { 0, 1, 1000, 1024, 2000, 4095 };

	@TempDir
	Path folder;

	private float[] read(final boolean signed, final double slope, final double intercept) throws IOException {
		final TestDicom dicom = new TestDicom().signed(signed).pixels(3, 2, signed ? SIGNED : UNSIGNED);
		if (!Double.isNaN(slope)) dicom.rescale(slope, intercept);
		dicom.write(folder.resolve("slice.dcm"));
		final float[] values = new float[6];
		int p = 0;
		for (final FloatType t : DicomSeries.read(folder, Progress.NONE).image()) {
			values[p++] = t.get();
		}
		return values;
	}

	private static float[] expected(final boolean signed, final double slope, final double intercept) {
		final int[] stored = signed ? SIGNED : UNSIGNED;
		final float[] values = new float[stored.length];
		for (int p = 0; p < stored.length; p++) {
			values[p] = (float) (Double.isNaN(slope) ? stored[p] : slope * stored[p] + intercept);
		}
		return values;
	}

	@ParameterizedTest(name = "signed {0}, slope {1}, intercept {2}")
	@CsvSource({
		"true, 1, -1024", "true, 0.5, -1024", "true, 2.5, 10", "true, 1, 0", "true, NaN, NaN",
		"false, 1, -1024", "false, 2, -1000", "false, 0.5, 0", "false, NaN, NaN" })
	void rescaled(final boolean signed, final double slope, final double intercept) throws IOException {
		assertArrayEquals(expected(signed, slope, intercept), read(signed, slope, intercept));
	}

	@ParameterizedTest(name = "ImageJ option {0}")
	@ValueSource(strings = { "openDicomsAsFloat", "ignoreRescaleSlope", "fixedDicomScaling" })
	void rescaledWhateverImageJsDicomOptions(final String option) throws Exception {
		final Field preference = Prefs.class.getField(option);
		final boolean before = preference.getBoolean(null);
		preference.setBoolean(null, true);
		try {
			assertArrayEquals(expected(true, 0.5, -1024), read(true, 0.5, -1024), "signed");
			assertArrayEquals(expected(true, 1, -1024), read(true, 1, -1024), "signed, slope 1");
			assertArrayEquals(expected(false, 2, -1000), read(false, 2, -1000), "unsigned");
		}
		finally {
			preference.setBoolean(null, before);
		}
	}
}
