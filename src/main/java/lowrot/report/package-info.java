/**
 * Reports and exports assembled from computed results: the claims report (one self-contained HTML file with its
 * figures, the configuration of every run and the commands that reproduce it) and animations of a run (GIF or MP4,
 * frames at log-spaced GF time). Used by the window and the command line.
 */
package lowrot.report;
