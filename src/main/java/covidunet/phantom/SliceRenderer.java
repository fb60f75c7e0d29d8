package covidunet.phantom;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Draws one axial slice of a case at a time, noise-free: the {@link Anatomy} sampled at each
 * voxel centre, the lesions blended into the lungs, then the tubes of each {@link TubeKind} in
 * turn with antialiased edges (a tube thinner than a voxel darkens or brightens it only in part,
 * as partial volume does). One renderer per thread: it owns its buffers.
 */
final class SliceRenderer {

	private static final TubeKind[] ORDER = { TubeKind.PULMONARY_VESSEL, TubeKind.BRONCHUS,
		TubeKind.CENTRAL_VESSEL, TubeKind.CENTRAL_AIRWAY, TubeKind.CARTILAGE, TubeKind.BONE };

	private final Anatomy anatomy;
	private final VoxelGrid grid;
	private final List<Lesion> lesions;
	private final SliceIndex lesionIndex;
	private final List<List<Tube>> tubes = new ArrayList<>();
	private final List<SliceIndex> tubeIndex = new ArrayList<>();
	private final double h;
	private final float[] weight, lesionHu, outer, core;
	private final Sample sample = new Sample();
	private final double[] point = new double[3], di, dj, distance = new double[2];
	private final int[] range = new int[4];

	SliceRenderer(final Anatomy anatomy, final List<Lesion> lesions, final VoxelGrid grid) {
		this.anatomy = anatomy;
		this.grid = grid;
		this.lesions = lesions;
		lesionIndex = new SliceIndex(grid, lesions.size(), i -> SliceIndex.box(lesions.get(i)));
		for (final TubeKind kind : ORDER) {
			final List<Tube> ofKind = new ArrayList<>();
			for (final Tube t : anatomy.tubes) {
				if (t.kind == kind) ofKind.add(t);
			}
			tubes.add(ofKind);
			tubeIndex.add(new SliceIndex(grid, ofKind.size(), i -> SliceIndex.box(ofKind.get(i))));
		}
		h = grid.inPlaneSpacing();
		di = grid.step(0);
		dj = grid.step(1);
		final int n = grid.nx * grid.ny;
		weight = new float[n];
		lesionHu = new float[n];
		outer = new float[n];
		core = new float[n];
	}

	/**
	 * Draws slice k.
	 *
	 * @param hu receives the attenuation, x fastest
	 * @param labels receives the labels 0–3
	 */
	void render(final int k, final float[] hu, final byte[] labels) {
		final int nx = grid.nx;
		for (int j = 0; j < grid.ny; j++) {
			grid.patient(0, j, k, point);
			for (int i = 0; i < nx; i++) {
				anatomy.sample(point[0] + i * di[0], point[1] + i * di[1], point[2] + i * di[2], sample);
				hu[j * nx + i] = (float) sample.hu;
				labels[j * nx + i] = (byte) sample.label;
			}
		}
		drawLesions(k, hu, labels);
		for (int kind = 0; kind < ORDER.length; kind++) {
			drawTubes(k, ORDER[kind], tubes.get(kind), tubeIndex.get(kind), hu, labels);
		}
	}

	private void drawLesions(final int k, final float[] hu, final byte[] labels) {
		final int[] touched = { Integer.MAX_VALUE, -1, Integer.MAX_VALUE, -1 };
		for (final int o : lesionIndex.objects(k)) {
			final Lesion lesion = lesions.get(o);
			lesionIndex.range(o, range);
			extend(touched, range);
			for (int j = range[2]; j <= range[3]; j++) {
				for (int i = range[0]; i <= range[1]; i++) {
					final int index = j * grid.nx + i;
					if (labels[index] == 0) continue;
					grid.patient(i, j, k, point);
					final double w = lesion.weight(point[0], point[1], point[2]);
					if (w > weight[index]) {
						weight[index] = (float) w;
						lesionHu[index] = (float) lesion.hu(point[0], point[1], point[2]);
					}
				}
			}
		}
		for (int j = touched[2]; j <= touched[3]; j++) {
			for (int i = touched[0]; i <= touched[1]; i++) {
				final int index = j * grid.nx + i;
				final float w = weight[index];
				if (w == 0) continue;
				hu[index] += w * (lesionHu[index] - hu[index]);
				if (w >= 0.5f) labels[index] = 3;
				weight[index] = 0;
			}
		}
	}

	private void drawTubes(final int k, final TubeKind kind, final List<Tube> ofKind, final SliceIndex index,
		final float[] hu, final byte[] labels)
	{
		final int[] touched = { Integer.MAX_VALUE, -1, Integer.MAX_VALUE, -1 };
		for (final int o : index.objects(k)) {
			final Tube tube = ofKind.get(o);
			index.range(o, range);
			extend(touched, range);
			for (int j = range[2]; j <= range[3]; j++) {
				for (int i = range[0]; i <= range[1]; i++) {
					final int at = j * grid.nx + i;
					if (kind.lungOnly && labels[at] == 0) continue;
					grid.patient(i, j, k, point);
					tube.distance(point[0], point[1], point[2], distance);
					final double radius = distance[1];
					final float cover = coverage(distance[0], radius);
					if (cover == 0) continue;
					final double shell = kind.shell(radius);
					outer[at] = Math.max(outer[at], cover);
					core[at] = Math.max(core[at], shell > 0 ? coverage(distance[0] + shell, radius - shell) : cover);
				}
			}
		}
		if (touched[1] < 0) return;
		final float shellHu = (float) kind.shellHu(anatomy.tissues), coreHu = (float) kind.coreHu(anatomy.tissues);
		for (int j = touched[2]; j <= touched[3]; j++) {
			final int row = j * grid.nx;
			for (int i = touched[0]; i <= touched[1]; i++) {
				final int at = row + i;
				final float o = outer[at];
				if (o == 0) continue;
				final float c = Math.min(o, core[at]);
				hu[at] = (1 - o) * hu[at] + (o - c) * shellHu + c * coreHu;
				if (kind.clearsLabel && o >= 0.5f) labels[at] = 0;
			}
			Arrays.fill(outer, row + touched[0], row + touched[1] + 1, 0);
			Arrays.fill(core, row + touched[0], row + touched[1] + 1, 0);
		}
	}

	/** The share of a voxel that a tube covers, from the voxel centre's signed distance to it. */
	private float coverage(final double signedDistance, final double radius) {
		if (radius <= 0) return 0;
		final double edge = Shapes.clamp(0.5 - signedDistance / h, 0, 1);
		return (float) (edge * Math.min(1, 2 * radius / h));
	}

	private static void extend(final int[] touched, final int[] range) {
		touched[0] = Math.min(touched[0], range[0]);
		touched[1] = Math.max(touched[1], range[1]);
		touched[2] = Math.min(touched[2], range[2]);
		touched[3] = Math.max(touched[3], range[3]);
	}
}
