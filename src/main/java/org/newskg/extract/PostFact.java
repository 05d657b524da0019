package org.newskg.extract;

import java.util.List;

/**
 * "Foreign Minister Sergei Lavrov" as a fact: a person holds a role in a state or organisation
 * ({@code org} may be null when the text names none), with the title as written and every span
 * of the article that states it.
 */
public record PostFact(Entity person, Entity role, Entity org, String title, Factuality factuality,
                       List<Span> evidence) {}
