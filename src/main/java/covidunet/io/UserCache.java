package covidunet.io;

import java.nio.file.Path;
import java.nio.file.Paths;

/** The user's cache folder, where preprocessed cases and downloaded models are kept by default. */
public final class UserCache {

	private UserCache() {}

	/**
	 * {@code $XDG_CACHE_HOME/covid-unet} if that variable holds an absolute path, else
	 * {@code ~/.cache/covid-unet}.
	 */
	public static Path folder() {
		final String xdg = System.getenv("XDG_CACHE_HOME");
		if (xdg != null && !xdg.isEmpty() && Paths.get(xdg).isAbsolute()) return Paths.get(xdg, "covid-unet");
		return Paths.get(System.getProperty("user.home"), ".cache", "covid-unet");
	}
}
