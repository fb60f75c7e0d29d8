package covidunet.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import covidunet.io.Affine;
import covidunet.io.Geometry;
import covidunet.io.Orientation;

class ReorientationTest {

	private static final long[] DIMS = { 5, 4, 3 };

	/** Test affines by name: RAS, LPS, x and y swapped, and a fully permuted, flipped, slightly oblique one. */
	private static Affine affine(final String name) {
		return switch (name) {
			case "RAS" -> Affine.ofRows(0.8, 0, 0, -100, 0, 0.9, 0, 20, 0, 0, 2.5, 30);
			case "LPS" -> Affine.ofRows(-0.8, 0, 0, 100, 0, -0.9, 0, 120, 0, 0, 2.5, -30);
			case "ARS" -> Affine.ofRows(0, 0.9, 0, -50, 0.8, 0, 0, 10, 0, 0, 2.5, 5);
			default -> Affine.ofRows(0.01, 0, -3, 40, -0.7, 0.02, 0, 60, 0, -1.1, 0.05, 70);
		};
	}

	@ParameterizedTest
	@ValueSource(strings = { "RAS", "LPS", "ARS", "oblique" })
	void everyVoxelKeepsItsWorldCoordinates(final String name) {
		final Geometry source = Geometry.fromAffine(DIMS, affine(name), Geometry.CODE_SCANNER);
		final Reorientation r = Reorientation.to(source, "RAS");
		assertEquals("RAS", Orientation.of(r.target().affine()));
		assertEquals(name.equals("RAS"), r.isIdentity());
		final float[] data = indices();
		final float[] moved = r.apply(data);
		final long[] t = r.target().dims();
		for (int z = 0; z < t[2]; z++) {
			for (int y = 0; y < t[1]; y++) {
				for (int x = 0; x < t[0]; x++) {
					final int s = (int) moved[(int) ((z * t[1] + y) * t[0] + x)];
					final double[] expected = source.affine().apply(s % DIMS[0], s / DIMS[0] % DIMS[1], s / (DIMS[0] * DIMS[1]));
					assertArrayEquals(expected, r.target().affine().apply(x, y, z), 1e-9);
				}
			}
		}
		final double[] spacing = r.target().spacing();
		for (int d = 0; d < 3; d++) assertEquals(r.target().affine().columnNorm(d), spacing[d], 1e-12);
	}

	@ParameterizedTest
	@ValueSource(strings = { "RAS", "LPS", "ARS", "oblique" })
	void theInverseRestoresDataAndGeometry(final String name) {
		final Geometry source = new Geometry(DIMS, new double[] { 0.8, 0.9, 2.5 }, affine("LPS"), Geometry.CODE_SCANNER,
			affine(name), Geometry.CODE_ALIGNED);
		final Reorientation r = Reorientation.to(source, "RAS");
		assertEquals(Geometry.CODE_SCANNER, r.target().qformCode());
		assertEquals(Geometry.CODE_ALIGNED, r.target().sformCode());
		final Reorientation back = r.inverse();
		assertSame(source, back.target());
		assertSame(r.target(), back.source());
		final float[] data = indices();
		assertArrayEquals(data, back.apply(r.apply(data)));
		final byte[] labels = new byte[data.length];
		for (int i = 0; i < labels.length; i++) labels[i] = (byte) (i * 7);
		assertArrayEquals(labels, back.apply(r.apply(labels)));
		final Reorientation again = Reorientation.to(r.target(), Orientation.of(source.affine()));
		assertTrue(again.target().affine().approximatelyEquals(source.affine(), 1e-9));
	}

	@ParameterizedTest
	@ValueSource(strings = { "LPS", "ARS", "oblique" })
	void otherCodesWorkToo(final String name) {
		final Geometry source = Geometry.fromAffine(DIMS, affine(name), Geometry.CODE_SCANNER);
		for (final String code : new String[] { "LPS", "SAR", "PIL" }) {
			final Reorientation r = Reorientation.to(source, code);
			assertEquals(code, Orientation.of(r.target().affine()));
			assertArrayEquals(indices(), r.inverse().apply(r.apply(indices())));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "RAS", "LPS", "PIL", "SLA" })
	void validCodes(final String code) {
		assertTrue(Reorientation.isValidCode(code));
		assertFalse(Reorientation.isValidCode(code.toLowerCase()));
		assertFalse(Reorientation.isValidCode(code.substring(1) + code.charAt(1)));
	}

	private static float[] indices() {
		final float[] data = new float[(int) (DIMS[0] * DIMS[1] * DIMS[2])];
		for (int i = 0; i < data.length; i++) data[i] = i;
		return data;
	}
}
