package org.newskg.extract.frame;

import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraph;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the frames a sentence evokes and each role's words: the one argument finder behind every event type. For each
 * word that is a trigger (its lemma listed for its part of speech, its {@code when} context present and its
 * {@code unless} context absent), every role's paths are followed from the trigger; the enhanced++ graph already carries
 * passive, control and relative-clause subjects and conjoined dependents, so one list of paths covers those shapes.
 * Then:
 * <ul>
 *   <li>an event noun shares the arguments of its host verb ("X held talks with Y", "X flew to Ankara for talks"): each
 *   role it lacks is taken through the frame's {@code hosted} paths from the first host the shared {@code hosts} paths
 *   reach;</li>
 *   <li>a verb lacking a role, or finding there only a word that names no actor ("a plan to meet", "an offer to send"),
 *   takes it through the frame's {@code climb} paths from its controller ("agreed to send", "after meeting Y, X said",
 *   "X's decision to deploy"), up to three clauses up.</li>
 * </ul>
 * Matches of one frame on one word are merged, so a frame may list a verb in several entries, and an event noun that
 * another match of its frame holds as a role word (or just under one) is part of that match, lending it the roles it
 * lacks.
 *
 * <pre>{@code
 * for (FrameHit h : new FrameMatcher(frames).match(graph)) { h.nodes().get("agent"); }
 * }</pre>
 */
public final class FrameMatcher {
    private static final int CLIMB = 3;

    private final Frames frames;

    public FrameMatcher(Frames frames) {
        this.frames = frames;
    }

    /** Every frame match in a sentence's enhanced++ graph, in word order. */
    public List<FrameHit> match(SemanticGraph graph) {
        Map<String, FrameHit> out = new LinkedHashMap<>();
        for (IndexedWord w : graph.vertexListSorted()) {
            for (Frame frame : frames.frames()) {
                for (FrameTrigger t : frame.triggers()) {
                    if (!t.evokedBy(w) || !t.when().isEmpty() && !leads(graph, w, t.when()) || leads(graph, w, t.unless())) {
                        continue;
                    }
                    FrameHit hit = hit(graph, frame, t, w);
                    if (!frame.satisfied(hit.nodes().keySet())) {
                        continue;
                    }
                    FrameHit before = out.get(frame.type() + " " + w.index());
                    out.put(frame.type() + " " + w.index(), before == null ? hit : merged(before, hit));
                }
            }
        }
        List<FrameHit> hits = new ArrayList<>(out.values());
        List<FrameHit> kept = new ArrayList<>();
        for (FrameHit n : hits) {
            FrameHit holder = !n.trigger().noun() ? null
                : hits.stream().filter(o -> o != n && o.frame() == n.frame() && covers(graph, o, n.word())).findFirst().orElse(null);
            if (holder == null) {
                kept.add(n);
                continue;
            }
            // One event: the noun lends the match that holds it the roles that match lacks ("signed an accord with
            // Bahrain", "pledged $300 million in aid to Sudan").
            n.nodes().forEach((role, ns) -> {
                if (!holder.nodes().containsKey(role)) {
                    holder.nodes().put(role, new LinkedHashSet<>(ns));
                }
            });
        }
        return kept;
    }

    /**
     * Whether another match already holds an event noun among its role words, or just under one ("pledged $500 million
     * in military assistance to Ukraine" is one transfer, not also "assistance to Ukraine").
     */
    private static boolean covers(SemanticGraph graph, FrameHit other, IndexedWord noun) {
        for (Set<IndexedWord> ns : other.nodes().values()) {
            for (IndexedWord n : ns) {
                if (n.equals(noun) || graph.getParentList(noun).contains(n)) {
                    return true;
                }
            }
        }
        return false;
    }

    private FrameHit hit(SemanticGraph graph, Frame frame, FrameTrigger t, IndexedWord w) {
        Map<String, Set<IndexedWord>> nodes = new LinkedHashMap<>();
        for (Map.Entry<String, List<DepPath>> a : t.args().entrySet()) {
            Set<IndexedWord> found = follow(graph, w, a.getValue());
            if (!found.isEmpty()) {
                nodes.put(a.getKey(), found);
            }
        }
        IndexedWord host = null;
        boolean timed = false;
        if (t.noun()) {
            host = first(graph, w, frames.lightHosts());
            timed = host != null || frame.occasionTime();
            host = host != null ? host : first(graph, w, frames.occasionHosts());
            for (Map.Entry<String, List<DepPath>> a : host == null ? List.<Map.Entry<String, List<DepPath>>>of() : frame.hosted().entrySet()) {
                if (!nodes.containsKey(a.getKey())) {
                    Set<IndexedWord> found = follow(graph, host, a.getValue());
                    found.remove(w);
                    if (found.isEmpty() && frame.climb().containsKey(a.getKey())) {
                        // A host without its own doer takes it from its controller ("open to negotiating a treaty").
                        found = climb(graph, host, frame.climb().get(a.getKey()));
                    }
                    if (!found.isEmpty()) {
                        nodes.put(a.getKey(), found);
                    }
                }
            }
        } else {
            for (Map.Entry<String, List<DepPath>> a : frame.climb().entrySet()) {
                Set<IndexedWord> mine = nodes.getOrDefault(a.getKey(), Set.of());
                if (mine.isEmpty() || mine.stream().allMatch(n -> nonActor(graph, n))) {
                    Set<IndexedWord> up = climb(graph, w, a.getValue());
                    if (!up.isEmpty()) {
                        nodes.put(a.getKey(), up);
                    } else if (!mine.isEmpty()) {
                        nodes.remove(a.getKey());
                    }
                }
            }
        }
        return new FrameHit(frame, t, w, nodes, host, host != null && timed);
    }

    /** The first word other than {@code noun} that one of the paths reaches, or null. */
    private static IndexedWord first(SemanticGraph graph, IndexedWord noun, List<DepPath> paths) {
        for (DepPath p : paths) {
            for (IndexedWord h : p.follow(graph, noun)) {
                if (!h.equals(noun)) {
                    return h;
                }
            }
        }
        return null;
    }

    /** The role's words at the nearest controller that has them, passing over words that name no actor. */
    private Set<IndexedWord> climb(SemanticGraph graph, IndexedWord w, List<DepPath> paths) {
        IndexedWord at = w;
        Set<IndexedWord> seen = new LinkedHashSet<>();
        for (int level = 0; level < CLIMB && at != null && seen.add(at); level++) {
            IndexedWord up = null;
            for (DepPath p : frames.controllers()) {
                for (IndexedWord c : p.follow(graph, at)) {
                    up = up == null && !c.equals(at) ? c : up;
                }
            }
            if (up == null) {
                return Set.of();
            }
            Set<IndexedWord> found = firstFound(graph, up, paths, w);
            if (!found.isEmpty()) {
                return found;
            }
            IndexedWord host = up.tag() != null && up.tag().startsWith("NN") ? first(graph, up, frames.lightHosts()) : null;
            if (host != null) {
                found = firstFound(graph, host, paths, w);
                if (!found.isEmpty()) {
                    return found;
                }
            }
            at = up;
        }
        return Set.of();
    }

    /**
     * The words of the first climb path that finds any at a controller: the paths are ordered ("accused X of sending":
     * X, the one accused, before the accuser).
     */
    private Set<IndexedWord> firstFound(SemanticGraph graph, IndexedWord at, List<DepPath> paths, IndexedWord self) {
        for (DepPath p : paths) {
            Set<IndexedWord> found = new LinkedHashSet<>(p.follow(graph, at));
            found.removeIf(n -> n.equals(self) || nonActor(graph, n));
            if (!found.isEmpty()) {
                return found;
            }
        }
        return Set.of();
    }

    private boolean nonActor(SemanticGraph graph, IndexedWord n) {
        return leads(graph, n, frames.nonActors());
    }

    private static Set<IndexedWord> follow(SemanticGraph graph, IndexedWord from, List<DepPath> paths) {
        Set<IndexedWord> out = new LinkedHashSet<>();
        for (DepPath p : paths) {
            out.addAll(p.follow(graph, from));
        }
        return out;
    }

    private static boolean leads(SemanticGraph graph, IndexedWord from, List<DepPath> paths) {
        for (DepPath p : paths) {
            if (!p.follow(graph, from).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static FrameHit merged(FrameHit a, FrameHit b) {
        Map<String, Set<IndexedWord>> nodes = new LinkedHashMap<>();
        a.nodes().forEach((k, v) -> nodes.put(k, new LinkedHashSet<>(v)));
        b.nodes().forEach((k, v) -> nodes.computeIfAbsent(k, x -> new LinkedHashSet<>()).addAll(v));
        FrameHit hosted = a.host() != null ? a : b;
        return new FrameHit(a.frame(), a.trigger().kind() != null ? a.trigger() : b.trigger(), a.word(), nodes, hosted.host(),
            hosted.timed());
    }
}
