// Segments every scan of a folder (NIfTI files, or one series of DICOM slices) with a trained
// model: one label file per scan, <output>/<case>.nii.gz, with the scan's geometry, and the
// volumetrics of all scans in <output>/volumes.csv. Scans whose labels exist are skipped, so an
// interrupted run continues where it stopped.
//
// Interactive: run it and choose the three folders. Batch, with Fiji's launcher (fiji-linux-x64 in
// Fiji Latest; ImageJ-linux64 in older Fiji):
//   fiji-linux-x64 --headless --console -batch segment_folder.ijm \
//     "input=[/data/scans] model=[/models] output=[/out/labels]"
// A folder of fold_k model directories as the model averages their outputs (an ensemble).
args = getArgument();
input = call("ij.Macro.getValue", args, "input", "");
model = call("ij.Macro.getValue", args, "model", "");
output = call("ij.Macro.getValue", args, "output", "");
if (input == "")
	input = getDirectory("Folder of CT scans (NIfTI files or DICOM slices)");
if (model == "")
	model = getDirectory("Model folder (a model directory, or a folder of fold_k models)");
if (output == "")
	output = getDirectory("Output folder for the label files");
run("Segment Volume", "input=[" + input + "] model=[" + model + "] output=[" + output + "]");
print("labels and volumes.csv in " + output);
