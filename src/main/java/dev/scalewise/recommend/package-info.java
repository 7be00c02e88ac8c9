/**
 * Recommendations proven on held-out history (issue 6): per policy kind a search space derived from the
 * fitted service model ({@code Tuner}s), a grid-then-coordinate-descent {@code Search} over replays of
 * the training period, validation on the held-out last part with robustness what-ifs
 * ({@code Recommender}), and {@code ManifestEditor}, which writes the recommended values back into the
 * user's own YAML changing nothing else. Pure Java: callable per service inside a Spark executor; must
 * not import org.apache.spark, {@code jobs} or {@code cli}. See docs/recommend.md.
 */
package dev.scalewise.recommend;
