package covidunet.phantom;

import java.util.SplittableRandom;

/**
 * The attenuation of each tissue of one patient in HU, drawn per case within realistic ranges
 * (blood and the organs raised by intravenous contrast where the case has it), and the texture
 * that makes soft tissue and bone less uniform.
 */
final class Tissues {

	static final double AIR = -1000;

	final double fat;
	final double muscle;
	final double blood;
	final double liver;
	final double spleen;
	final double kidney;
	final double fluid;
	final double cortex;
	final double marrow;
	final double cartilage;
	final double lung;
	final double lungGradient;
	final double lungTexture;
	final ValueNoise coarse;
	final ValueNoise fine;

	/** @param enhancement HU that contrast adds to blood, 0 for a plain scan */
	Tissues(final SplittableRandom random, final long textureSeed, final double enhancement) {
		fat = random.nextDouble(-110, -85);
		muscle = random.nextDouble(38, 55);
		blood = random.nextDouble(32, 48) + enhancement;
		liver = random.nextDouble(52, 66) + 0.35 * enhancement;
		spleen = random.nextDouble(40, 52) + 0.45 * enhancement;
		kidney = muscle - 10 + 0.9 * enhancement;
		fluid = random.nextDouble(5, 20);
		cortex = random.nextDouble(750, 1000);
		marrow = random.nextDouble(170, 300);
		cartilage = random.nextDouble(90, 160);
		lung = random.nextDouble(-905, -875);
		lungGradient = random.nextDouble(15, 35);
		lungTexture = random.nextDouble(10, 22);
		coarse = new ValueNoise(Seeds.mix(textureSeed, 1), 7.0);
		fine = new ValueNoise(Seeds.mix(textureSeed, 2), 2.2);
	}

	/** Muscle with a gentle texture. */
	double muscle(final double u, final double v, final double w) {
		return muscle + 7 * coarse.at(u, v, w);
	}

	/** Fat with strands. */
	double fat(final double u, final double v, final double w) {
		return fat + 10 * fine.at(u, v, w);
	}

	/** Fat with lymph nodes and small vessels, as in the mediastinum and the neck. */
	double fattySoftTissue(final double u, final double v, final double w) {
		final double n = coarse.at(u + 31.7, v - 11.3, w + 7.1);
		return Shapes.mix(fat(u, v, w), muscle - 8, Shapes.smoothstep(0.4, 0.55, n));
	}

	/** Cancellous bone with trabecular texture. */
	double marrow(final double u, final double v, final double w) {
		return marrow + 45 * fine.at(u, v, w);
	}
}
