/**
 * The entry point: {@link lowrot.Launcher} starts the command line when given a subcommand and the window
 * otherwise (it does not extend {@code Application}, so a plain jar can start it).
 */
package lowrot;
