package covidunet.cli;

import java.util.HashMap;
import java.util.Map;
import java.util.prefs.AbstractPreferences;
import java.util.prefs.Preferences;
import java.util.prefs.PreferencesFactory;

/**
 * Java preferences that live in memory only, for the launcher's JVM: a launcher run depends only
 * on its arguments, so it neither reads nor writes the values Fiji remembers in the user's stored
 * preferences, and a read-only home (as on some clusters) causes no warnings on stderr.
 * {@link Main#main} selects the {@link Factory} through the system property
 * {@code java.util.prefs.PreferencesFactory}, before anything uses {@link Preferences}.
 */
final class MemoryPreferences extends AbstractPreferences {

	private final Map<String, String> values = new HashMap<>();

	private MemoryPreferences(final MemoryPreferences parent, final String name) {
		super(parent, name);
	}

	@Override
	protected void putSpi(final String key, final String value) {
		values.put(key, value);
	}

	@Override
	protected String getSpi(final String key) {
		return values.get(key);
	}

	@Override
	protected void removeSpi(final String key) {
		values.remove(key);
	}

	@Override
	protected void removeNodeSpi() {
		values.clear();
	}

	@Override
	protected String[] keysSpi() {
		return values.keySet().toArray(new String[0]);
	}

	@Override
	protected String[] childrenNamesSpi() {
		return new String[0];
	}

	@Override
	protected AbstractPreferences childSpi(final String name) {
		return new MemoryPreferences(this, name);
	}

	@Override
	protected void syncSpi() {
		// nothing is stored
	}

	@Override
	protected void flushSpi() {
		// nothing is stored
	}

	/** The factory {@link Preferences} instantiates by name. */
	public static final class Factory implements PreferencesFactory {

		private static final Preferences USER = new MemoryPreferences(null, "");
		private static final Preferences SYSTEM = new MemoryPreferences(null, "");

		@Override
		public Preferences userRoot() {
			return USER;
		}

		@Override
		public Preferences systemRoot() {
			return SYSTEM;
		}
	}
}
