// Segments the lungs and the infection of the open CT volume with a trained model, shows the
// label image over the CT with the volumetrics, and optionally saves the labels as NIfTI with
// the scan's geometry.
//
// In Fiji or ImageJ: open a CT (File > Import > Open NIfTI-1 (COVID U-Net)..., or a DICOM
// series), then Plugins > Macros > Run... this file and choose the model folder.
// In batch mode (no dialogs; ImageJ 1.x needs a display, e.g. xvfb-run), with the arguments
// image (a NIfTI file to open first), model (required) and output (optional):
//   xvfb-run -a java -cp "jars/*" ij.ImageJ -ijpath . -batch segment_open_image.ijm \
//     "image=[/data/ct.nii.gz] model=[/models/fold_0] output=[/out/ct_labels.nii.gz]"
// Segment Volume's optional files are always passed, empty when not used (input: the open image
// is segmented; output: nothing is saved), so that Fiji never asks for them.
args = getArgument();
image = call("ij.Macro.getValue", args, "image", "");
model = call("ij.Macro.getValue", args, "model", "");
output = call("ij.Macro.getValue", args, "output", "");
if (image != "")
	run("Open NIfTI-1 (COVID U-Net)...", "input=[" + image + "]");
if (nImages == 0)
	exit("Open a CT volume first (File > Import > Open NIfTI-1 (COVID U-Net)...).");
if (model == "")
	model = getDirectory("Model folder (a model directory, or a folder of fold_k models)");
run("Segment Volume", "input=[] model=[" + model + "] output=[" + output + "]");
if (output != "")
	print("labels saved: " + output);
