// Package career places an account manager on the article's four-level
// career ladder and says what the next level takes.
//
// # The ladder
//
// The article (see the repository's DOMAIN.md, "Career and pay: four
// levels") describes four levels:
//
//	1  no experience: activity, sociability, computer skills
//	2  1+ year: accounting software, competent consulting, phone
//	   etiquette, conflict resolution
//	3  2+ years: finds and opens new clients, negotiates, brings an own
//	   client base
//	4  "lead account manager": 3+ years, higher education, good English,
//	   clients in senior positions
//
// [DefaultConfig] encodes them; a host loads its own ladder with
// clientele.LoadConfig. Levels are cumulative: a manager is at the
// highest level whose years and whose skills, with those of every level
// below, they meet. Traits the article names that no record holds
// (activity, sociability) are left to the host: add them as skills if it
// assesses them.
//
// [Classify] counts whole years of experience from the start day, by
// calendar (AddMonths), and reports the level, the next level, the day
// the experience will suffice and the skills still missing, in words.
//
// # Income
//
// [ArticleIncomes2010s] ships the article's income ranges per city as
// example data, clearly the article's 2010s figures; nothing in the
// library depends on them.
package career
