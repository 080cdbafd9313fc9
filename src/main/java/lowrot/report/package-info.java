/**
 * Reports assembled from computed results: the claims report (one self-contained HTML file with its figures,
 * the configuration of every run and the commands that reproduce it). Used by the window and the command line.
 */
package lowrot.report;
