package covidunet.phantom;

/**
 * One COVID-19 lesion: a ground-glass opacity or a consolidation, an ellipsoid flattened against
 * the pleura with a lobulated, soft border. Its weight is 1 inside, falls to 0 across the border
 * and is 1/2 on the (lobulated) ellipsoid's surface; the image blends lung and lesion by the
 * weight, the label is infection where the weight is at least 1/2.
 */
final class Lesion {

	/** The kind of opacity. */
	enum Kind {
		/** Ground glass: hazy, −700 to −300 HU, vessels still visible, soft border. */
		GROUND_GLASS,
		/** Consolidation: about soft tissue, −100 to +50 HU, sharper border. */
		CONSOLIDATION
	}

	final Kind kind;
	final double u, v, w;
	private final double[] axes;
	private final double r1, r2, r3;
	private final double hu, texture, softness, lobulation;
	private final ValueNoise border, pattern;

	/**
	 * @param centre (u, v, w)
	 * @param radial the unit direction (in the axial plane) of the first, flattened axis
	 * @param radii the semi-axes along the radial, tangential and vertical directions
	 * @param hu the lesion's mean attenuation
	 * @param texture the amplitude (HU) of its inner texture (crazy paving in ground glass)
	 * @param softness half the border's width, relative to the radii
	 * @param lobulation how far (relative) the border wanders in and out
	 * @param seed the seed of its border and texture
	 */
	Lesion(final Kind kind, final double[] centre, final double[] radial, final double[] radii, final double hu,
		final double texture, final double softness, final double lobulation, final long seed)
	{
		this.kind = kind;
		u = centre[0];
		v = centre[1];
		w = centre[2];
		axes = new double[] { radial[0], radial[1], -radial[1], radial[0] };
		r1 = radii[0];
		r2 = radii[1];
		r3 = radii[2];
		this.hu = hu;
		this.texture = texture;
		this.softness = softness;
		this.lobulation = lobulation;
		final double smallest = Math.min(r1, Math.min(r2, r3));
		border = new ValueNoise(Seeds.mix(seed, 1), Shapes.clamp(0.6 * smallest, 2.5, 20));
		pattern = new ValueNoise(Seeds.mix(seed, 2), 2.8);
	}

	/** How far from its centre (mm) the lesion can have a non-zero weight. */
	double reach() {
		return Math.max(r1, Math.max(r2, r3)) * (1 + softness + lobulation);
	}

	/** The weight at a point: 0 outside, 1 inside, 1/2 on the border. */
	double weight(final double pu, final double pv, final double pw) {
		final double du = pu - u, dv = pv - v;
		final double a = (du * axes[0] + dv * axes[1]) / r1, b = (du * axes[2] + dv * axes[3]) / r2;
		final double c = (pw - w) / r3;
		final double rho2 = a * a + b * b + c * c;
		final double outer = 1 + softness + lobulation;
		if (rho2 >= outer * outer) return 0;
		final double rho = Math.sqrt(rho2) + lobulation * border.at(pu, pv, pw);
		return 1 - Shapes.smoothstep(1 - softness, 1 + softness, rho);
	}

	/** The lesion's own attenuation at a point. */
	double hu(final double pu, final double pv, final double pw) {
		return hu + texture * pattern.at(pu, pv, pw);
	}
}
