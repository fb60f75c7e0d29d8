package covidunet.phantom;

import java.util.SplittableRandom;

/**
 * The space between the lungs: the heart, an ellipsoid pointing to the front and the patient's
 * left with epicardial fat and the pericardium around it, standing on the diaphragm; and a band
 * of fat with lymph nodes around the midline, narrow behind (oesophagus, aorta), wide above the
 * heart (the great vessels), lens-shaped, narrowing to the anterior junction behind the sternum,
 * its borders gently irregular. Vessels,
 * oesophagus and airways in it are {@link Tube}s.
 */
final class Mediastinum {

	final double heartU, heartV, heartW, heartLong, heartShort, heartHeight;
	private final double cos, sin, epicardial, pericardium;
	private final double posteriorHalf, middleHalf, upperHalf, junctionHalf;
	private final Tissues tissues;

	/**
	 * @param leftDome the height of the left hemidiaphragm's top, on which the heart stands
	 */
	Mediastinum(final SplittableRandom random, final Thorax thorax, final Tissues tissues, final double leftDome) {
		this.tissues = tissues;
		heartLong = random.nextDouble(62, 78);
		heartShort = random.nextDouble(45, 55);
		heartHeight = random.nextDouble(52, 64);
		heartU = -random.nextDouble(28, 45);
		heartV = random.nextDouble(0.4, 0.55) * thorax.anterior;
		heartW = leftDome + random.nextDouble(0.3, 0.5) * heartHeight;
		final double angle = Math.toRadians(random.nextDouble(125, 150));
		cos = StrictMath.cos(angle);
		sin = StrictMath.sin(angle);
		epicardial = random.nextDouble(1.5, 4) / heartShort;
		pericardium = 2.5 / heartShort;
		posteriorHalf = random.nextDouble(10, 14);
		middleHalf = random.nextDouble(6, 10);
		upperHalf = random.nextDouble(18, 26);
		junctionHalf = random.nextDouble(3, 6);
	}

	/** The height of the heart's base, where the great vessels leave it. */
	double heartTop() {
		return heartW + 0.75 * heartHeight;
	}

	/**
	 * The heart or the mediastinal band at a point inside the cavity.
	 *
	 * @param midline the mediastinum's midline at this height
	 * @param spineFront the vertebral body's anterior surface at this height
	 * @param front the cavity's anterior limit at this height
	 * @return whether the point belongs to the mediastinum (then {@code s} is set)
	 */
	boolean sample(final double u, final double v, final double w, final double midline, final double spineFront,
		final double front, final Sample s)
	{
		final double x = u - heartU, y = v - heartV, z = (w - heartW) / heartHeight;
		final double a = (x * cos + y * sin) / heartLong, b = (y * cos - x * sin) / heartShort;
		final double rho2 = a * a + b * b + z * z;
		if (rho2 < (1 + pericardium) * (1 + pericardium)) {
			final double rho = Math.sqrt(rho2);
			if (rho >= 1) s.set(tissues.muscle - 10);
			else if (rho > 1 - epicardial) s.set(tissues.fat(u, v, w));
			else s.set(tissues.blood + 4 * tissues.coarse.at(u, v, w));
			return true;
		}
		if (v < spineFront - 6) return false;
		final double upper = Shapes.smoothstep(heartTop() - 25, heartTop() + 15, w);
		final double middle = (spineFront + front) / 2, reach = (front - spineFront) / 2;
		final double lens = 0.25 + 0.75 * Shapes.bump(v, middle - 0.2 * reach, reach);
		double half = Shapes.mix(middleHalf, upperHalf, upper) * lens;
		half = Math.max(half, posteriorHalf * (1 - Shapes.smoothstep(spineFront + 10, spineFront + 30, v)));
		half = Math.max(junctionHalf, half + 5 * tissues.coarse.at(-40, 0.5 * v, 0.5 * w));
		if (Math.abs(u - midline) >= half) return false;
		s.set(tissues.fattySoftTissue(u, v, w));
		return true;
	}
}
