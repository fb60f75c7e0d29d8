package covidunet.dataset;

/** How the files of a {@link Dataset} are organised in its folder. */
public enum Layout {

	/**
	 * The extracted Zenodo zips: images in {@code COVID-19-CT-Seg_20cases/}, masks in
	 * {@code Lung_and_Infection_Mask/} (see {@link CaseNames}).
	 */
	ZENODO,

	/**
	 * One folder per case, named by the case id, holding {@code imaging.nii.gz} and
	 * {@code segmentation.nii.gz}.
	 */
	SIMPLE
}
