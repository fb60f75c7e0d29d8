package covidunet.predict;

import java.util.Arrays;
import java.util.BitSet;

import net.imglib2.Cursor;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.view.Views;

import covidunet.dataset.IntensityKind;
import covidunet.io.Geometry;
import covidunet.io.Volume;

/**
 * The patient's body in a CT scan, on the scan's own grid: the voxels denser than
 * {@value #THRESHOLD_HU} HU, opened in each slice by a 3 × 3 square (which cuts the thin bridges
 * between the body and the table, cushions or arms' sleeves), their largest 3-D connected
 * component (6-connectivity), grown back by one voxel in each slice within the dense voxels, with
 * the holes of each axial slice filled (the lungs, the airways, bowel gas). What lies outside (the
 * air around the patient, the area outside the reconstruction circle, the table) is no part of it.
 */
public final class BodyMask {

	/** Soft tissue and denser; air, lung and fat-free cushions are below. */
	public static final double THRESHOLD_HU = -500;

	/** {@link #THRESHOLD_HU} in a scan windowed to [−1250, 250] HU and rescaled to 0–255. */
	static final double THRESHOLD_0_255 = (THRESHOLD_HU + 1250) / 1500 * 255;

	private final int nx, ny, nz;
	private final BitSet body;

	private BodyMask(final int nx, final int ny, final int nz, final BitSet body) {
		this.nx = nx;
		this.ny = ny;
		this.nz = nz;
		this.body = body;
	}

	/**
	 * The body of a scan in HU.
	 *
	 * @throws IllegalArgumentException if the scan has more than {@link Integer#MAX_VALUE} voxels
	 */
	public static BodyMask of(final Volume<? extends RealType<?>> scan) {
		return of(scan, IntensityKind.HU);
	}

	/** The body of a scan whose intensities are of this kind. */
	public static BodyMask of(final Volume<? extends RealType<?>> scan, final IntensityKind kind) {
		final double threshold = kind == IntensityKind.HU ? THRESHOLD_HU : THRESHOLD_0_255;
		final long[] d = scan.image().dimensionsAsLongArray();
		if (d[0] * d[1] * d[2] > Integer.MAX_VALUE) throw new IllegalArgumentException("scan too large for a body mask");
		final int nx = (int) d[0], ny = (int) d[1], nz = (int) d[2];
		final BitSet dense = new BitSet(nx * ny * nz);
		final Cursor<? extends RealType<?>> c = Views.flatIterable(scan.image()).cursor();
		for (int v = 0; c.hasNext(); v++) {
			if (c.next().getRealDouble() > threshold) dense.set(v);
		}
		final BodyMask mask = new BodyMask(nx, ny, nz, new BitSet());
		final BitSet core = mask.largestComponent(mask.open(dense));
		final BitSet grown = mask.grow(core, dense);
		mask.fillHoles(grown);
		mask.body.or(grown);
		return mask;
	}

	/** Whether voxel (x, y, z) is inside the body. */
	public boolean contains(final int x, final int y, final int z) {
		return body.get((z * ny + y) * nx + x);
	}

	/** The mask as a 0/1 label volume with this geometry (the scan's). */
	public Volume<UnsignedByteType> volume(final Geometry geometry) {
		final byte[] v = new byte[nx * ny * nz];
		for (int i = body.nextSetBit(0); i >= 0; i = body.nextSetBit(i + 1)) v[i] = 1;
		return new Volume<>(ArrayImgs.unsignedBytes(v, nx, ny, nz), geometry);
	}

	/**
	 * Sets to 0 the labels outside the body, in place.
	 *
	 * @param labels on the scan's grid, x fastest
	 * @return how many were not 0 before
	 */
	public long clear(final byte[] labels) {
		long cleared = 0;
		for (int v = body.nextClearBit(0); v < labels.length; v = body.nextClearBit(v + 1)) {
			if (labels[v] != 0) cleared++;
			labels[v] = 0;
		}
		return cleared;
	}

	/** The number of voxels inside the body. */
	public long voxels() {
		return body.cardinality();
	}

	/** The dims of the grid: x, y, z. */
	public int[] size() {
		return new int[] { nx, ny, nz };
	}

	/** Erosion then dilation by a 3 × 3 square in each slice. */
	private BitSet open(final BitSet in) {
		return square(square(in, true), false);
	}

	/** Erodes ({@code erode}) or dilates by a 3 × 3 square in each slice. */
	private BitSet square(final BitSet in, final boolean erode) {
		final BitSet out = new BitSet(in.size());
		for (int z = 0; z < nz; z++) {
			for (int y = 0; y < ny; y++) {
				for (int x = 0; x < nx; x++) {
					boolean all = true, any = false;
					for (int dy = -1; dy <= 1; dy++) {
						for (int dx = -1; dx <= 1; dx++) {
							final int xx = x + dx, yy = y + dy;
							final boolean on = xx >= 0 && xx < nx && yy >= 0 && yy < ny && in.get((z * ny + yy) * nx + xx);
							all &= on;
							any |= on;
						}
					}
					if (erode ? all : any) out.set((z * ny + y) * nx + x);
				}
			}
		}
		return out;
	}

	/** {@code core} dilated by one voxel in each slice, within {@code allowed}. */
	private BitSet grow(final BitSet core, final BitSet allowed) {
		final BitSet out = square(core, false);
		out.and(allowed);
		out.or(core);
		return out;
	}

	/** The largest 6-connected component. */
	private BitSet largestComponent(final BitSet in) {
		final int voxels = nx * ny * nz;
		final int[] component = new int[voxels];
		final int[] queue = new int[voxels];
		int best = 0, bestSize = 0, id = 0;
		for (int v = in.nextSetBit(0); v >= 0; v = in.nextSetBit(v + 1)) {
			if (component[v] != 0) continue;
			final int size = flood(v, ++id, in, component, queue);
			if (size > bestSize) {
				bestSize = size;
				best = id;
			}
		}
		final BitSet out = new BitSet(voxels);
		for (int v = 0; v < voxels; v++) {
			if (component[v] == best && best != 0) out.set(v);
		}
		return out;
	}

	private int flood(final int seed, final int id, final BitSet in, final int[] component, final int[] queue) {
		final int nxy = nx * ny;
		int head = 0, tail = 0;
		queue[tail++] = seed;
		component[seed] = id;
		while (head < tail) {
			final int v = queue[head++];
			final int x = v % nx, y = v / nx % ny, z = v / nxy;
			final int[] neighbours = { x > 0 ? v - 1 : -1, x < nx - 1 ? v + 1 : -1, y > 0 ? v - nx : -1, y < ny - 1 ?
				v + nx : -1, z > 0 ? v - nxy : -1, z < nz - 1 ? v + nxy : -1 };
			for (final int n : neighbours) {
				if (n >= 0 && component[n] == 0 && in.get(n)) {
					component[n] = id;
					queue[tail++] = n;
				}
			}
		}
		return tail;
	}

	/** Sets, in each axial slice, the voxels not reachable from the slice's border outside {@code mask}. */
	private void fillHoles(final BitSet mask) {
		final int nxy = nx * ny;
		final boolean[] outside = new boolean[nxy];
		final int[] queue = new int[nxy];
		for (int z = 0; z < nz; z++) {
			final int base = z * nxy;
			Arrays.fill(outside, false);
			int head = 0, tail = 0;
			for (int i = 0; i < nxy; i++) {
				final int x = i % nx, y = i / nx;
				if ((x == 0 || y == 0 || x == nx - 1 || y == ny - 1) && !mask.get(base + i)) {
					outside[i] = true;
					queue[tail++] = i;
				}
			}
			while (head < tail) {
				final int i = queue[head++];
				final int x = i % nx, y = i / nx;
				final int[] neighbours = { x > 0 ? i - 1 : -1, x < nx - 1 ? i + 1 : -1, y > 0 ? i - nx : -1, y < ny - 1 ?
					i + nx : -1 };
				for (final int n : neighbours) {
					if (n >= 0 && !outside[n] && !mask.get(base + n)) {
						outside[n] = true;
						queue[tail++] = n;
					}
				}
			}
			for (int i = 0; i < nxy; i++) {
				if (!outside[i]) mask.set(base + i);
			}
		}
	}
}
