package covidunet.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import covidunet.io.Affine;
import covidunet.io.Geometry;
import covidunet.io.Volume;
import covidunet.io.nifti.NiftiDatatype;
import covidunet.io.nifti.NiftiWriter;
import net.imglib2.img.array.ArrayImgs;

/** Tiny datasets (8×8×4 volumes) in both layouts, for the dataset and folds tests. */
public final class TestDatasets {

	/** The grid of the test volumes. */
	public static final long[] DIMS = { 8, 8, 4 };

	/** An LPS-like affine with 1.5 mm in-plane and 3 mm slices, as scanners write. */
	public static final Affine AFFINE = Affine.ofRows(-1.5, 0, 0, 105.2, 0, -1.5, 0, 130.7, 0, 0, 3, -212.5);

	/** The 20 case ids of the real dataset (docs/method.md, Data). */
	public static final List<String> REAL_IDS = List.of("coronacases_001", "coronacases_002", "coronacases_003",
		"coronacases_004", "coronacases_005", "coronacases_006", "coronacases_007", "coronacases_008",
		"coronacases_009", "coronacases_010", "radiopaedia_4_85506_1", "radiopaedia_7_85703_0",
		"radiopaedia_10_85902_1", "radiopaedia_10_85902_3", "radiopaedia_14_85914_0", "radiopaedia_27_86410_0",
		"radiopaedia_29_86490_1", "radiopaedia_29_86491_1", "radiopaedia_36_86526_0", "radiopaedia_40_86625_0");

	private TestDatasets() {}

	/** The kinds of the real dataset: coronacases in HU, radiopaedia rescaled to 0–255. */
	public static Map<String, IntensityKind> realKinds() {
		final Map<String, IntensityKind> kinds = new LinkedHashMap<>();
		for (final String id : REAL_IDS) {
			kinds.put(id, CaseNames.isRadiopaedia(id) ? IntensityKind.RESCALED_0_255 : IntensityKind.HU);
		}
		return kinds;
	}

	/** The geometry of the test volumes with another grid or affine. */
	public static Geometry geometry(final long[] dims, final Affine affine) {
		return Geometry.fromAffine(dims, affine, Geometry.CODE_SCANNER);
	}

	/**
	 * Writes an int16 CT image: values from −1000 to 399 for {@link IntensityKind#HU}, from 0 to
	 * 255 otherwise.
	 */
	public static void image(final Path file, final IntensityKind kind, final Geometry geometry) throws IOException {
		Files.createDirectories(file.getParent());
		final short[] values = new short[(int) geometry.voxelCount()];
		for (int i = 0; i < values.length; i++) {
			values[i] = (short) (kind == IntensityKind.HU ? -1000 + i * 37 % 1400 : i * 7 % 256);
		}
		NiftiWriter.write(new Volume<>(ArrayImgs.shorts(values, geometry.dims()), geometry), file, NiftiDatatype.INT16, "");
	}

	/** Writes a uint8 mask with labels 0–3. */
	public static void mask(final Path file, final Geometry geometry) throws IOException {
		Files.createDirectories(file.getParent());
		final byte[] labels = new byte[(int) geometry.voxelCount()];
		for (int i = 0; i < labels.length; i++) labels[i] = (byte) (i / 3 % 4);
		NiftiWriter.write(new Volume<>(ArrayImgs.unsignedBytes(labels, geometry.dims()), geometry), file,
			NiftiDatatype.UINT8, "");
	}

	/** The image file of a case in the Zenodo layout under {@code root}. */
	public static Path zenodoImage(final Path root, final String id) {
		return root.resolve(CaseNames.IMAGE_FOLDER).resolve(CaseNames.imageFileName(id));
	}

	/** The mask file of a case in the Zenodo layout under {@code root}. */
	public static Path zenodoMask(final Path root, final String id) {
		return root.resolve(CaseNames.MASK_FOLDER).resolve(CaseNames.maskFileName(id));
	}

	/** Writes the cases, images and masks, in the Zenodo layout under {@code root}. */
	public static Path zenodo(final Path root, final Map<String, IntensityKind> cases) throws IOException {
		final Geometry geometry = geometry(DIMS, AFFINE);
		for (final Map.Entry<String, IntensityKind> c : cases.entrySet()) {
			image(zenodoImage(root, c.getKey()), c.getValue(), geometry);
			mask(zenodoMask(root, c.getKey()), geometry);
		}
		return root;
	}

	/** Writes the cases, images and masks, in the simple layout under {@code root}. */
	public static Path simple(final Path root, final Map<String, IntensityKind> cases) throws IOException {
		final Geometry geometry = geometry(DIMS, AFFINE);
		for (final Map.Entry<String, IntensityKind> c : cases.entrySet()) {
			image(root.resolve(c.getKey()).resolve(CaseNames.SIMPLE_IMAGE), c.getValue(), geometry);
			mask(root.resolve(c.getKey()).resolve(CaseNames.SIMPLE_MASK), geometry);
		}
		return root;
	}

	/** {@code ids} as HU cases. */
	public static Map<String, IntensityKind> hu(final String... ids) {
		final Map<String, IntensityKind> kinds = new LinkedHashMap<>();
		for (final String id : ids) kinds.put(id, IntensityKind.HU);
		return kinds;
	}

	/** Copies a folder and everything in it to {@code to}, which must not exist. */
	public static void copyTree(final Path from, final Path to) throws IOException {
		try (Stream<Path> files = Files.walk(from)) {
			for (final Path p : files.toList()) {
				final Path target = to.resolve(from.relativize(p).toString());
				if (Files.isDirectory(p)) Files.createDirectories(target);
				else Files.copy(p, target);
			}
		}
	}

	/** Deletes a folder and everything in it. */
	public static void deleteTree(final Path folder) throws IOException {
		try (Stream<Path> files = Files.walk(folder)) {
			for (final Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
		}
	}
}
