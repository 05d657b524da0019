package org.newskg.extract;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What an event takes from the rest of its article: a transfer's missing side from the article's other transfers and
 * its sides' partners, a placeless deployment's one place, a trip's places and date for what the visitor does on it,
 * the capital for a visit to a state, the date of the occasion an undated statement continues, the parties bound by
 * a treaty over the leaders who signed it, and the sides and places later phrases point back to.
 *
 * <pre>{@code
 * found = implicit.tripDates(implicit.cityOverState(implicit.tripPlaces(found)));
 * }</pre>
 */
final class ImplicitArguments {
    private final Cues cues;
    private final Gazetteer gazetteer;
    private final Coreference coref;

    ImplicitArguments(Cues cues, Gazetteer gazetteer, Coreference coref) {
        this.cues = cues;
        this.gazetteer = gazetteer;
        this.coref = coref;
    }

    /**
     * "X traveled to Libya ... While in Tripoli, X met Y": a visitor to a state who is placed by another event of the
     * article in that state's capital, or in a place the reference data does not put elsewhere, visited that place too,
     * with the date and status of the visit to the state.
     */
    List<EventFact> tripPlaces(List<EventFact> facts) {
        List<EventFact> out = new ArrayList<>(facts);
        for (EventFact v : facts) {
            if (v.type() != EventType.VISIT || v.destinations().size() != 1 || v.destinations().get(0).kind() != Kind.STATE) {
                continue;
            }
            Entity capital = gazetteer.capital(v.destinations().get(0).iri());
            for (EventFact o : facts) {
                boolean mine = o != v && o.type() != EventType.VISIT && o.factuality() == Factuality.REPORTED
                    && (o.agents().containsAll(v.agents()) || o.participants().containsAll(v.agents()));
                for (Entity p : mine ? o.locations() : List.<Entity>of()) {
                    boolean inside = p.kind() == Kind.PLACE && (p.equals(capital) || !p.reference());
                    if (inside) {
                        out.add(new EventFact(EventType.VISIT, v.agents(), List.of(), List.of(), List.of(), List.of(p), List.of(), null, null,
                            null, null, v.date(), v.factuality(), o.evidence()));
                    }
                }
            }
        }
        return out;
    }

    /**
     * The date of a visitor's one dated visit in the article is the date of their undated visits and contacts that
     * place them nowhere else ("X traveled to Libya, September 20-21 ... X met Y"): what happens on a trip happens
     * within it.
     */
    List<EventFact> tripDates(List<EventFact> facts) {
        List<EventFact> out = new ArrayList<>();
        for (EventFact f : facts) {
            boolean dateable = (f.type() == EventType.VISIT || f.type() == EventType.CONTACT) && f.date() == null
                && f.factuality() == Factuality.REPORTED;
            EventDate trip = null;
            int trips = 0;
            for (EventFact v : dateable ? facts : List.<EventFact>of()) {
                List<Entity> places = f.type() == EventType.VISIT ? f.destinations() : f.locations();
                boolean same = v.type() == EventType.VISIT && v.date() != null && v.factuality() == Factuality.REPORTED
                    && (f.agents().containsAll(v.agents()) || f.participants().containsAll(v.agents()))
                    && places.stream().allMatch(p -> within(p, v));
                if (same && (trip == null || !trip.equals(v.date()))) {
                    trip = v.date();
                    trips++;
                }
            }
            out.add(trips == 1 ? f.withDate(trip) : f);
        }
        return out;
    }

    /**
     * A transfer that names one side only takes the other from the article: the one recipient of the supplier's other
     * transfers ("announced $1.85 billion in military aid"), the one supplier of the recipient's, else, for a recipient,
     * the other side of a transfer it makes in the same sentence ("X may supply Y with shells, and X could seek
     * technology in return"), else the one state the article has it meet or agree with ({@code partners}); a transfer
     * left one-sided is dropped.
     */
    /** Each state's partners in the article's contacts and agreements, a person counting as their state. */
    Map<Entity, Set<Entity>> partners(List<EventFact> facts, List<PostFact> posts, LinkedDocument doc) {
        Map<Entity, Set<Entity>> out = new LinkedHashMap<>();
        for (EventFact f : facts) {
            if (f.type() != EventType.CONTACT && f.type() != EventType.AGREEMENT) {
                continue;
            }
            List<Entity> sides = new ArrayList<>();
            List<Entity> parties = new ArrayList<>(f.agents());
            parties.addAll(f.participants());
            for (Entity e : parties) {
                Entity state = coref.asActor(e, true, posts, doc);
                if (state != null && state.kind() == Kind.STATE && !sides.contains(state)) {
                    sides.add(state);
                }
            }
            for (Entity a : sides) {
                sides.stream().filter(b -> !b.equals(a)).forEach(b -> out.computeIfAbsent(a, k -> new LinkedHashSet<>()).add(b));
            }
        }
        return out;
    }

    /**
     * "The newly signed Defense Cooperation Agreement will deepen ties": a named agreement (more than its bare noun) that
     * gives fewer than two parties is between the article's one pair of states that meet or agree ({@code partners}), or,
     * with one party named, between it and its one partner; otherwise, and always for a bare "the deal", it is dropped.
     */
    List<EventFact> partyless(List<EventFact> facts, Map<Entity, Set<Entity>> partners, List<PostFact> posts, LinkedDocument doc) {
        List<EventFact> out = new ArrayList<>();
        for (EventFact f : facts) {
            Set<Entity> sides = new LinkedHashSet<>(f.agents());
            sides.addAll(f.participants());
            if (f.type() != EventType.AGREEMENT || sides.size() >= 2) {
                out.add(f);
                continue;
            }
            if (f.topic() == null || !f.topic().trim().contains(" ")) {
                continue;
            }
            Entity named = sides.isEmpty() ? null : coref.asActor(sides.iterator().next(), true, posts, doc);
            Set<Set<Entity>> pairs = new LinkedHashSet<>();
            partners.forEach((a, bs) -> bs.forEach(b -> pairs.add(Set.of(a, b))));
            if (named != null) {
                pairs.removeIf(p -> !p.contains(named));
            }
            if (pairs.size() == 1) {
                List<Entity> pair = new ArrayList<>(pairs.iterator().next());
                pair.sort(Comparator.comparing(Entity::iri));
                out.add(f.withSides(List.of(pair.get(0)), List.of(pair.get(1))));
            }
        }
        return out;
    }

    static List<EventFact> oneSided(List<EventFact> facts, Map<Entity, Set<Entity>> partners) {
        List<EventFact> out = new ArrayList<>();
        for (EventFact f : facts) {
            boolean noRecipient = f.recipients().isEmpty();
            if (f.type() != EventType.TRANSFER || !noRecipient && !f.agents().isEmpty()) {
                out.add(f);
                continue;
            }
            Set<List<Entity>> others = new LinkedHashSet<>();
            Set<List<Entity>> reciprocal = new LinkedHashSet<>();
            for (EventFact o : facts) {
                if (o.type() != EventType.TRANSFER || o.agents().isEmpty() || o.recipients().isEmpty()) {
                    continue;
                }
                if (noRecipient ? o.agents().equals(f.agents()) : o.recipients().equals(f.recipients())) {
                    others.add(noRecipient ? o.recipients() : o.agents());
                }
                if (!noRecipient && o.agents().equals(f.recipients()) && o.evidence().get(0).sentence() == f.evidence().get(0).sentence()) {
                    reciprocal.add(o.recipients());
                }
            }
            List<Entity> known = noRecipient ? f.agents() : f.recipients();
            Set<Entity> partner = known.size() == 1 ? partners.getOrDefault(known.get(0), Set.of()) : Set.of();
            List<Entity> side = others.size() == 1 ? others.iterator().next()
                : others.isEmpty() && reciprocal.size() == 1 ? reciprocal.iterator().next()
                : others.isEmpty() && reciprocal.isEmpty() && partner.size() == 1 ? List.copyOf(partner) : null;
            if (side != null) {
                out.add(new EventFact(f.type(), noRecipient ? f.agents() : side, f.participants(), f.targets(), noRecipient ? side : f.recipients(),
                    f.destinations(), f.locations(), f.item(), f.topic(), f.kind(), f.troops(), f.date(), f.factuality(), f.evidence()));
            }
        }
        return out;
    }

    /**
     * "Another 200 personnel arrived at the airport": forces that name no owner, in an article whose other deployments
     * all have one side, are that side's; otherwise the deployment is dropped.
     */
    static List<EventFact> agentless(List<EventFact> facts) {
        Set<List<Entity>> sides = new LinkedHashSet<>();
        for (EventFact o : facts) {
            if (o.type() == EventType.DEPLOYMENT && !o.agents().isEmpty()) {
                sides.add(o.agents());
            }
        }
        List<EventFact> out = new ArrayList<>();
        for (EventFact f : facts) {
            if (f.type() != EventType.DEPLOYMENT || !f.agents().isEmpty()) {
                out.add(f);
            } else if (sides.size() == 1) {
                out.add(f.withSides(sides.iterator().next(), f.participants()));
            }
        }
        return out;
    }

    /**
     * "Russia will deploy 1,960 soldiers along the front line": a deployment that names no place is at the one place the
     * article gives the same side's other deployments, its count going to that deployment when the status is the same
     * and it has none; when the side has no one place it is dropped.
     */
    static List<EventFact> placeless(List<EventFact> facts) {
        List<EventFact> out = new ArrayList<>(facts);
        for (EventFact f : facts) {
            if (f.type() != EventType.DEPLOYMENT || !f.locations().isEmpty()) {
                continue;
            }
            out.remove(f);
            Set<List<Entity>> places = new LinkedHashSet<>();
            for (EventFact o : out) {
                if (o.type() == EventType.DEPLOYMENT && o.agents().equals(f.agents()) && !o.locations().isEmpty()) {
                    places.add(o.locations());
                }
            }
            if (places.size() != 1) {
                continue;
            }
            boolean merged = false;
            for (int i = 0; i < out.size(); i++) {
                EventFact o = out.get(i);
                if (o.type() == EventType.DEPLOYMENT && o.agents().equals(f.agents()) && o.factuality() == f.factuality() && o.troops() == null) {
                    out.set(i, new EventFact(o.type(), o.agents(), o.participants(), o.targets(), o.recipients(), o.destinations(),
                        o.locations(), o.item(), o.topic(), o.kind(), f.troops(), o.date(), o.factuality(), o.evidence()));
                    merged = true;
                }
            }
            if (!merged) {
                out.add(new EventFact(f.type(), f.agents(), f.participants(), f.targets(), f.recipients(), f.destinations(),
                    places.iterator().next(), f.item(), f.topic(), f.kind(), f.troops(), f.date(), f.factuality(), f.evidence()));
            }
        }
        return out;
    }

    /** Whether a place lies within a visit's destination: it is the destination, or in a state visited its capital or a place the reference data does not put elsewhere. */
    boolean within(Entity p, EventFact visit) {
        for (Entity d : visit.destinations()) {
            boolean inside = p.equals(d) || d.kind() == Kind.STATE && p.kind() == Kind.PLACE
                && (p.equals(gazetteer.capital(d.iri())) || !p.reference());
            if (inside) {
                return true;
            }
        }
        return false;
    }

    /**
     * A visit to a state by someone the article also takes to places in it (its capital, or places the reference data
     * does not put elsewhere) is the visit to those places.
     */
    List<EventFact> cityOverState(List<EventFact> facts) {
        List<EventFact> out = new ArrayList<>();
        for (EventFact f : facts) {
            Entity state = f.type() == EventType.VISIT && f.destinations().size() == 1 && f.destinations().get(0).kind() == Kind.STATE
                ? f.destinations().get(0) : null;
            Entity capital = state == null ? null : gazetteer.capital(state.iri());
            List<Entity> inside = new ArrayList<>();
            for (EventFact o : state == null ? List.<EventFact>of() : facts) {
                if (o.type() == EventType.VISIT && o.agents().equals(f.agents()) && o.factuality() == f.factuality()) {
                    o.destinations().stream().filter(p -> p.kind() == Kind.PLACE && (p.equals(capital) || !p.reference()))
                        .filter(p -> !inside.contains(p)).forEach(inside::add);
                }
            }
            if (inside.isEmpty()) {
                out.add(f);
            } else if (inside.contains(capital)) {
                out.add(f.withDestinations(List.of(capital)));
            }
        }
        return out;
    }

    /** The persons who met and the sides of the agreement last found in a sentence, else those so far. */
    static Antecedents sidesAfter(List<EventFact> here, Antecedents antecedents) {
        List<Entity> people = antecedents.people();
        List<Entity> deal = antecedents.deal();
        for (EventFact f : here) {
            List<Entity> sides = new ArrayList<>(f.agents());
            sides.addAll(f.participants());
            if (f.type() == EventType.CONTACT && sides.size() == 2 && sides.stream().allMatch(e -> e.kind() == Kind.PERSON)) {
                people = sides;
            }
            if (f.type() == EventType.AGREEMENT && sides.size() >= 2) {
                deal = sides;
            }
        }
        return new Antecedents(antecedents.states(), people, deal, antecedents.places());
    }

    /** The places a sentence names after a preposition ("at the Vostochny Cosmodrome"), each the last for its preposition. */
    static Antecedents placesAfter(LinkedDocument doc, SemanticGraph graph, List<CoreLabel> tokens, Antecedents antecedents) {
        Map<String, Entity> places = new HashMap<>(antecedents.places());
        for (SemanticGraphEdge e : graph.edgeListSorted()) {
            Mention m = e.getRelation().toString().equals("case") ? Graphs.mention(doc, tokens, e.getGovernor()) : null;
            if (m != null && m.entity() != null && m.entity().kind() == Kind.PLACE) {
                places.put(e.getDependent().word().toLowerCase(Locale.ROOT), m.entity());
            }
        }
        return new Antecedents(antecedents.states(), antecedents.people(), antecedents.deal(), places);
    }

    /** "The pact was signed on Wednesday": a partyless mention of an agreement dates the undated agreements of the last sentence that had any. */
    static void datePrevious(List<EventFact> found, EventDate date) {
        int sentence = -1;
        for (int i = found.size() - 1; i >= 0 && date != null; i--) {
            EventFact f = found.get(i);
            if (f.type() == EventType.AGREEMENT && (sentence < 0 || f.evidence().get(0).sentence() == sentence)) {
                sentence = f.evidence().get(0).sentence();
                if (f.date() == null) {
                    found.set(i, f.withDate(date));
                }
            }
        }
    }

    /**
     * "Putin and Kim signed a treaty under which Russia and North Korea pledge ...": when one sentence gives an
     * agreement both between persons and between states or organisations, the latter are its parties.
     */
    static List<EventFact> boundOverSigners(List<EventFact> here) {
        List<EventFact> out = new ArrayList<>();
        for (EventFact f : here) {
            boolean signers = f.type() == EventType.AGREEMENT && parties(f).stream().allMatch(e -> e.kind() == Kind.PERSON);
            boolean bound = signers && here.stream().anyMatch(o -> o.type() == EventType.AGREEMENT && o != f
                && Objects.equals(o.topic(), f.topic()) && parties(o).stream().allMatch(Entity::isOrganisational));
            if (!bound) {
                out.add(f);
            }
        }
        return out;
    }

    static List<Entity> parties(EventFact f) {
        List<Entity> out = new ArrayList<>(f.agents());
        out.addAll(f.participants());
        return out;
    }

    /**
     * An undated statement or visit in a sentence that names no time, by a speaker or visitor who took
     * part in a dated event of the sentence before, continues that occasion ("X met Y on Monday. Y told him ...");
     * so does an undated contact with a visitor of the sentence before ("X arrived in Kyiv on Monday. He met Y ...").
     */
    static EventFact continuing(EventFact f, List<EventFact> previous) {
        boolean contact = f.type() == EventType.CONTACT;
        if (f.type() != EventType.STATEMENT && f.type() != EventType.VISIT && !contact || f.date() != null) {
            return f;
        }
        List<Entity> sides = new ArrayList<>(f.agents());
        sides.addAll(f.participants());
        for (EventFact p : previous) {
            boolean sameSpeaker = f.type() == EventType.STATEMENT && p.type() == EventType.STATEMENT && p.agents().equals(f.agents());
            boolean took = contact ? p.type() == EventType.VISIT && sides.containsAll(p.agents())
                : p.agents().containsAll(f.agents()) || p.participants().containsAll(f.agents());
            if (p.date() != null && (sameSpeaker || p.type() != EventType.STATEMENT && p.type() != f.type()) && took) {
                return f.withDate(p.date());
            }
        }
        return f;
    }

    /** An undated statement told in the simple past by a side of the last dated talks it could belong to ("Kim told his host ..."). */
    static EventFact duringMeeting(EventFact f, List<EventFact> earlier) {
        if (f.type() != EventType.STATEMENT || f.date() != null) {
            return f;
        }
        for (int i = earlier.size() - 1; i >= 0; i--) {
            EventFact p = earlier.get(i);
            if (p.type() == EventType.CONTACT && p.date() != null && p.factuality() == Factuality.REPORTED
                && (p.agents().containsAll(f.agents()) || p.participants().containsAll(f.agents()))) {
                return f.withDate(p.date());
            }
        }
        return f;
    }
}
