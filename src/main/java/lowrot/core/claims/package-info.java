/**
 * The paper's claims, each judged by runs with a criterion fixed in code before them: {@link
 * lowrot.core.claims.Claims} runs one class per claim (near initialization, neural collapse, no rotation, 2-sparse
 * parity) and returns {@link lowrot.core.claims.Claim}s with their verdicts and figures.
 */
package lowrot.core.claims;
