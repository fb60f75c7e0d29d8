package covidunet.dataset;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import covidunet.io.nifti.NiftiNames;

/**
 * File and folder names of the COVID-19 CT segmentation dataset (Zenodo record 3757476) and of
 * the simple layout. A case id is the mask's file name without {@code .nii.gz}:
 * {@code coronacases_001} (image {@code coronacases_org_001.nii.gz}, Hounsfield units) or
 * {@code radiopaedia_4_85506_1} (image
 * {@code radiopaedia_org_covid-19-pneumonia-4_85506_1-dcm.nii.gz}, windowed and rescaled to
 * 0–255).
 */
public final class CaseNames {

	/** The folder of the images in the extracted Zenodo zips. */
	public static final String IMAGE_FOLDER = "COVID-19-CT-Seg_20cases";

	/** The folder of the lung and infection masks (labels 0–3) in the extracted Zenodo zips. */
	public static final String MASK_FOLDER = "Lung_and_Infection_Mask";

	/** The image's file name in the simple layout, {@code <case>/imaging.nii.gz}. */
	public static final String SIMPLE_IMAGE = "imaging.nii.gz";

	/** The mask's file name in the simple layout, {@code <case>/segmentation.nii.gz}. */
	public static final String SIMPLE_MASK = "segmentation.nii.gz";

	private static final String NII_GZ = ".nii.gz";
	private static final Pattern CORONACASES_IMAGE = Pattern.compile("coronacases_org_(\\d+)\\.nii\\.gz");
	private static final Pattern RADIOPAEDIA_IMAGE =
		Pattern.compile("radiopaedia_org_covid-19-pneumonia-(.+)-dcm\\.nii\\.gz");
	private static final Pattern CORONACASES_ID = Pattern.compile("coronacases_(\\d+)");
	private static final Pattern RADIOPAEDIA_ID = Pattern.compile("radiopaedia_(.+)");

	private CaseNames() {}

	/** The case id of a Zenodo-layout image file name, if it is one. */
	public static Optional<String> caseIdOfImage(final String imageFileName) {
		Matcher m = CORONACASES_IMAGE.matcher(imageFileName);
		if (m.matches()) return Optional.of("coronacases_" + m.group(1));
		m = RADIOPAEDIA_IMAGE.matcher(imageFileName);
		if (m.matches()) return Optional.of("radiopaedia_" + m.group(1));
		return Optional.empty();
	}

	/**
	 * The case id of any NIfTI file (an image to segment, a prediction, a mask): the dataset's id
	 * for a Zenodo-layout image name, else the name without its ending.
	 */
	public static String caseIdOfFile(final Path file) {
		return caseIdOfImage(file.getFileName().toString()).orElseGet(() -> NiftiNames.stem(file));
	}

	/** The case id of a mask file name: the name without {@code .nii.gz}, if it ends so. */
	public static Optional<String> caseIdOfMask(final String maskFileName) {
		if (!maskFileName.endsWith(NII_GZ) || maskFileName.length() == NII_GZ.length()) return Optional.empty();
		return Optional.of(maskFileName.substring(0, maskFileName.length() - NII_GZ.length()));
	}

	/**
	 * The Zenodo-layout image file name of a case id.
	 *
	 * @throws IllegalArgumentException if the id is neither a {@code coronacases_} nor a
	 *           {@code radiopaedia_} id
	 */
	public static String imageFileName(final String caseId) {
		Matcher m = CORONACASES_ID.matcher(caseId);
		if (m.matches()) return "coronacases_org_" + m.group(1) + NII_GZ;
		m = RADIOPAEDIA_ID.matcher(caseId);
		if (m.matches()) return "radiopaedia_org_covid-19-pneumonia-" + m.group(1) + "-dcm" + NII_GZ;
		throw new IllegalArgumentException("case id '" + caseId + "' is not a coronacases_ or radiopaedia_ id");
	}

	/** The Zenodo-layout mask file name of a case id. */
	public static String maskFileName(final String caseId) {
		return caseId + NII_GZ;
	}

	/** Whether the dataset ships this case windowed and rescaled to 0–255 (the radiopaedia cases). */
	public static boolean isRadiopaedia(final String caseId) {
		return RADIOPAEDIA_ID.matcher(caseId).matches();
	}
}
