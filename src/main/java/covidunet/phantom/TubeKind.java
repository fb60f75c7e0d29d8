package covidunet.phantom;

/**
 * What a {@link Tube} is made of and how it meets the labels: a tube may have a shell of another
 * attenuation (a bone's cortex, an airway's wall) around its core; tubes of one kind merge where
 * they overlap. Intrapulmonary vessels and bronchi are drawn only inside the lungs and keep the
 * lung label (lung masks include them); central vessels and airways (hila, mediastinum) take the
 * label away.
 */
enum TubeKind {

	/** Pulmonary arteries and veins inside the lungs. */
	PULMONARY_VESSEL(true, false),
	/** Bronchi inside the lungs: air in a thin wall. */
	BRONCHUS(true, false),
	/** The great vessels, the oesophagus and the hilar vessels. */
	CENTRAL_VESSEL(false, true),
	/** The trachea and the main bronchi. */
	CENTRAL_AIRWAY(false, true),
	/** Costal cartilages. */
	CARTILAGE(false, false),
	/** Ribs and clavicles: marrow in a cortical shell. */
	BONE(false, false);

	final boolean lungOnly;
	final boolean clearsLabel;

	TubeKind(final boolean lungOnly, final boolean clearsLabel) {
		this.lungOnly = lungOnly;
		this.clearsLabel = clearsLabel;
	}

	/** The shell's thickness (mm) around a core of radius r; 0 for none. */
	double shell(final double radius) {
		switch (this) {
			case BRONCHUS:
				return Math.max(0.5, 0.22 * radius);
			case CENTRAL_AIRWAY:
				return 1.8;
			case BONE:
				return 1.2;
			default:
				return 0;
		}
	}

	/** The shell's attenuation. */
	double shellHu(final Tissues tissues) {
		switch (this) {
			case BRONCHUS:
				return tissues.muscle - 10;
			case CENTRAL_AIRWAY:
				return tissues.cartilage;
			case BONE:
				return tissues.cortex;
			default:
				return coreHu(tissues);
		}
	}

	/** The core's attenuation. */
	double coreHu(final Tissues tissues) {
		switch (this) {
			case BRONCHUS:
			case CENTRAL_AIRWAY:
				return -985;
			case CARTILAGE:
				return tissues.cartilage;
			case BONE:
				return tissues.marrow;
			default:
				return tissues.blood;
		}
	}
}
