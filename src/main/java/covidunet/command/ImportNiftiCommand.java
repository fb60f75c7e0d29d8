package covidunet.command;

import java.io.File;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

import covidunet.io.Volume;
import covidunet.io.imagej.ImagePlusVolumes;
import covidunet.io.nifti.NiftiReader;
import covidunet.io.nifti.NiftiNames;
import ij.ImagePlus;

/**
 * File › Import › NIfTI-1: opens a {@code .nii} or {@code .nii.gz} volume as an ImagePlus with
 * its calibration and its full geometry (qform, sform and codes) in the image's properties, so
 * that exporting it again, even after a round trip through TIFF, keeps the geometry.
 */
@Plugin(type = Command.class, menuPath = "File>Import>Open NIfTI-1 (COVID U-Net)...", headless = true)
public class ImportNiftiCommand implements Command {

	@Parameter(label = "NIfTI file", style = FileWidget.OPEN_STYLE)
	private File input;

	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus image;

	@Override
	public void run() {
		final Volume<?> volume = NiftiReader.read(input.toPath());
		image = ImagePlusVolumes.toImagePlus(volume, NiftiNames.stem(input.toPath()));
	}

	/** The opened image (after {@link #run()}). */
	public ImagePlus image() {
		return image;
	}
}
