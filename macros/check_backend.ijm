// Shows which TensorFlow, which devices (CPU / GPU) and how many threads COVID-19 U-Net really uses.
// Fiji: Plugins › Macros › Run…, or headless:
//   ImageJ-linux64 --headless --console -macro check_backend.ijm
run("Check Backend");
