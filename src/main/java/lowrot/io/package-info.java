/**
 * Files: config and run files (JSON via Gson), CSV data and metrics, atomic writes, and the table of
 * settings ({@link lowrot.io.Setting}) that names, checks and serialises every field of a config.
 *
 * <p>Thread rule: the only package that touches the file system or Gson; its methods block, so the window
 * calls them on its file thread, never on the FX thread.
 */
package lowrot.io;
