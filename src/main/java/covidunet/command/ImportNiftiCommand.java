package covidunet.command;

import java.io.File;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

import covidunet.io.Volume;
import covidunet.io.imagej.ImagePlusVolumes;
import covidunet.io.imagej.LabelImages;
import covidunet.io.imagej.LabelLut;
import covidunet.io.nifti.NiftiReader;
import covidunet.io.nifti.NiftiNames;
import ij.ImagePlus;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.view.Views;

/**
 * File › Import › NIfTI-1: opens a {@code .nii} or {@code .nii.gz} volume as an ImagePlus with
 * its calibration and its full geometry (qform, sform and codes) in the image's properties, so
 * that exporting it again, even after a round trip through TIFF, keeps the geometry. A uint8
 * volume holding only labels 0–3 opens as a label image with the four-colour LUT.
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
		final String title = NiftiNames.stem(input.toPath());
		image = isLabelImage(volume) ? LabelImages.toLabelImagePlus(volume, title) :
			ImagePlusVolumes.toImagePlus(volume, title);
	}

	/** A uint8 volume whose values are all labels 0–3 is shown with the label colours. */
	static boolean isLabelImage(final Volume<?> volume) {
		if (!(volume.type() instanceof UnsignedByteType)) return false;
		for (final Object voxel : Views.flatIterable(volume.image())) {
			if (((UnsignedByteType) voxel).get() > LabelLut.INFECTION) return false;
		}
		return true;
	}

	/** The opened image (after {@link #run()}). */
	public ImagePlus image() {
		return image;
	}
}
