// Shows which TensorFlow, which devices (CPU / GPU) and how many threads COVID-19 U-Net really uses.
// Fiji: Plugins › Macros › Run…, or headless with Fiji's launcher (fiji-linux-x64 in Fiji Latest;
// ImageJ-linux64 in older Fiji):
//   fiji-linux-x64 --headless --console -macro check_backend.ijm
run("Check Backend");
