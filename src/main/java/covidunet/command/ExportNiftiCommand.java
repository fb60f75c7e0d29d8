package covidunet.command;

import java.io.File;

import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

import covidunet.BadInputException;
import covidunet.io.Volume;
import covidunet.io.imagej.ImagePlusVolumes;
import covidunet.io.nifti.NiftiDatatype;
import covidunet.io.nifti.NiftiWriter;
import ij.ImagePlus;

/**
 * File › Save As › NIfTI-1: saves an image as {@code .nii} or {@code .nii.gz} with the geometry
 * it was opened with (or, for other images, the one its calibration implies). The datatype
 * follows the image: 8-bit → uint8, 16-bit → int16 when ImageJ shows it signed (CT in HU)
 * else uint16, 32-bit → float32.
 */
@Plugin(type = Command.class, menuPath = "File>Save As>Save as NIfTI-1 (COVID U-Net)...", headless = true)
public class ExportNiftiCommand implements Command {

	@Parameter
	private ImagePlus image;

	@Parameter(label = "NIfTI file (.nii or .nii.gz)", style = FileWidget.SAVE_STYLE)
	private File output;

	@Parameter(label = "Replace an existing file", required = false, persist = false)
	private boolean overwrite;

	@Override
	public void run() {
		if (output.exists() && !overwrite) {
			throw new BadInputException(output + ": exists; set overwrite=true to replace it");
		}
		final Volume<?> volume = ImagePlusVolumes.wrap(image);
		NiftiWriter.write(volume, output.toPath(), datatypeOf(image), "");
	}

	/** The NIfTI data type that holds the image's values exactly. */
	static NiftiDatatype datatypeOf(final ImagePlus image) {
		switch (image.getBitDepth()) {
			case 8:
				return image.getCalibration().calibrated() ? NiftiDatatype.FLOAT32 : NiftiDatatype.UINT8;
			case 16:
				if (image.getCalibration().isSigned16Bit()) return NiftiDatatype.INT16;
				return image.getCalibration().calibrated() ? NiftiDatatype.FLOAT32 : NiftiDatatype.UINT16;
			default:
				return NiftiDatatype.FLOAT32;
		}
	}
}
