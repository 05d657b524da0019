package org.newskg.extract.frame;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.newskg.extract.Cues;
import org.newskg.extract.EventType;
import org.newskg.rdf.ReferenceData;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The event frames, loaded from {@code newskg/frames/}: {@code vars.yml} names the argument paths every frame shares
 * ({@code agent}, {@code object}, ...), the paths from an event noun to its host verb ({@code light_hosts},
 * {@code occasion_hosts}) and from a
 * subjectless verb to its controller ({@code controllers}); one file per event type ({@code visits.yml}, ...) lists its
 * triggers. In a frame, {@code $name} stands for a shared variable's paths and {@code $NAME} (upper case) for a cue
 * list of {@code cues.txt}, in lemma lists as in node tests.
 *
 * <pre>{@code
 * Frames frames = Frames.load(cues);
 * List<FrameHit> hits = new FrameMatcher(frames, cues).match(graph);
 * }</pre>
 */
public final class Frames {
    /** The classpath folder of the frame files. */
    public static final String DIR = "/newskg/frames/";
    /** The shared variables file. */
    public static final String VARS = "vars.yml";

    private final List<Frame> frames;
    private final List<DepPath> lightHosts;
    private final List<DepPath> occasionHosts;
    private final List<DepPath> controllers;
    private final List<DepPath> nonActors;
    private final Map<String, List<DepPath>> vars;

    private Frames(List<Frame> frames, List<DepPath> lightHosts, List<DepPath> occasionHosts, List<DepPath> controllers,
                   List<DepPath> nonActors, Map<String, List<DepPath>> vars) {
        this.frames = List.copyOf(frames);
        this.lightHosts = List.copyOf(lightHosts);
        this.occasionHosts = List.copyOf(occasionHosts);
        this.controllers = List.copyOf(controllers);
        this.nonActors = List.copyOf(nonActors);
        this.vars = vars;
    }

    /** The frame file of an event type: "visits.yml". */
    public static String fileOf(EventType type) {
        return type.plural() + ".yml";
    }

    /** Every frame file extraction reads, for the extractor version. */
    public static List<String> files() {
        List<String> out = new ArrayList<>(List.of(VARS));
        for (EventType t : EventType.values()) {
            out.add(fileOf(t));
        }
        return out;
    }

    /** Loads the shared variables and every event type's frame from the classpath. */
    public static Frames load(Cues cues) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String f : files()) {
            texts.put(f, new String(ReferenceData.resource(DIR + f), StandardCharsets.UTF_8));
        }
        return parse(texts, cues);
    }

    /** Parses frame texts by file name ({@code vars.yml} first); a mistake is reported with its file and entry. */
    public static Frames parse(Map<String, String> texts, Cues cues) {
        Map<String, Object> v = yaml(VARS, texts.get(VARS));
        Map<String, List<DepPath>> vars = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : map(VARS, v.get("vars")).entrySet()) {
            vars.put(e.getKey(), paths(VARS + " vars." + e.getKey(), e.getValue(), vars, cues));
        }
        List<DepPath> lightHosts = paths(VARS + " light_hosts", v.get("light_hosts"), vars, cues);
        List<DepPath> occasionHosts = paths(VARS + " occasion_hosts", v.get("occasion_hosts"), vars, cues);
        List<DepPath> controllers = paths(VARS + " controllers", v.get("controllers"), vars, cues);
        List<DepPath> nonActors = paths(VARS + " non_actors", v.get("non_actors"), vars, cues);
        List<Frame> frames = new ArrayList<>();
        for (Map.Entry<String, String> t : texts.entrySet()) {
            if (!t.getKey().equals(VARS)) {
                frames.add(frame(t.getKey(), yaml(t.getKey(), t.getValue()), vars, cues));
            }
        }
        return new Frames(frames, lightHosts, occasionHosts, controllers, nonActors, Map.copyOf(vars));
    }

    /** The frames in load order. */
    public List<Frame> frames() {
        return frames;
    }

    /** Paths from an event noun to a light verb whose arguments and time it shares ("held talks"). */
    public List<DepPath> lightHosts() {
        return lightHosts;
    }

    /** Paths from an event noun to a verb it is the occasion or purpose of ("on a visit to X, Y said"). */
    public List<DepPath> occasionHosts() {
        return occasionHosts;
    }

    /** Paths from a verb without its own subject to the word whose subject it takes. */
    public List<DepPath> controllers() {
        return controllers;
    }

    /** Tests for words that name no actor ("a plan", "an offer"): an argument found there is taken from the controller instead. */
    public List<DepPath> nonActors() {
        return nonActors;
    }

    /** Every trigger lemma of an event type's frame. */
    public Set<String> lemmas(EventType type) {
        Set<String> out = new LinkedHashSet<>();
        for (Frame f : frames) {
            if (f.type() == type) {
                f.triggers().forEach(t -> out.addAll(t.lemmas()));
            }
        }
        return out;
    }

    /** A shared variable's paths, or an empty list. */
    public List<DepPath> var(String name) {
        return vars.getOrDefault(name, List.of());
    }

    private static Frame frame(String file, Map<String, Object> y, Map<String, List<DepPath>> vars, Cues cues) {
        Object event = y.get("event");
        EventType type;
        try {
            type = EventType.valueOf(String.valueOf(event).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": unknown event '" + event + "'", e);
        }
        Map<String, List<DepPath>> hosted = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : map(file, y.getOrDefault("hosted", Map.of())).entrySet()) {
            hosted.put(e.getKey(), paths(file + " hosted." + e.getKey(), e.getValue(), vars, cues));
        }
        Map<String, List<DepPath>> climb = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : map(file, y.getOrDefault("climb", Map.of())).entrySet()) {
            climb.put(e.getKey(), paths(file + " climb." + e.getKey(), e.getValue(), vars, cues));
        }
        List<FrameTrigger> triggers = new ArrayList<>();
        List<Object> entries = list(file + " triggers", y.get("triggers"));
        for (int i = 0; i < entries.size(); i++) {
            triggers.add(trigger(type, file + "#" + (i + 1), map(file + " trigger", entries.get(i)), vars, cues));
        }
        List<String> require = strings(file + " require", y.getOrDefault("require", List.of()));
        boolean occasionTime = !Boolean.FALSE.equals(y.getOrDefault("occasion_time", Boolean.TRUE));
        return new Frame(type, file, List.copyOf(triggers), List.copyOf(require), Map.copyOf(hosted), Map.copyOf(climb), occasionTime);
    }

    private static FrameTrigger trigger(EventType type, String where, Map<String, Object> t, Map<String, List<DepPath>> vars, Cues cues) {
        String key = t.containsKey("nouns") ? "nouns" : t.containsKey("adjectives") ? "adjectives" : "verbs";
        Object lemmaList = t.get(key);
        if (lemmaList == null) {
            throw new IllegalArgumentException(where + ": a trigger needs verbs, nouns or adjectives");
        }
        String pos = switch (key) {
            case "nouns" -> "NN";
            case "adjectives" -> "JJ";
            default -> "VB";
        };
        Set<String> lemmas = new LinkedHashSet<>();
        for (String l : strings(where + " lemmas", lemmaList)) {
            if (l.startsWith("$")) {
                lemmas.addAll(cues.get(l.substring(1)));
            } else {
                lemmas.add(l.toLowerCase(Locale.ROOT));
            }
        }
        Map<String, List<DepPath>> args = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : map(where, t.getOrDefault("args", Map.of())).entrySet()) {
            args.put(e.getKey(), paths(where + " args." + e.getKey(), e.getValue(), vars, cues));
        }
        List<DepPath> when = paths(where + " when", t.getOrDefault("when", List.of()), vars, cues);
        List<DepPath> unless = paths(where + " unless", t.getOrDefault("unless", List.of()), vars, cues);
        Object kind = t.get("kind");
        List<String> examples = strings(where + " examples", t.getOrDefault("examples", List.of()));
        return new FrameTrigger(type, where, Set.copyOf(lemmas), pos, Map.copyOf(args), when, unless,
            kind == null ? null : kind.toString(), examples);
    }

    private static List<DepPath> paths(String where, Object o, Map<String, List<DepPath>> vars, Cues cues) {
        List<DepPath> out = new ArrayList<>();
        if (o == null) {
            return out;
        }
        for (String s : strings(where, o)) {
            if (s.startsWith("$")) {
                List<DepPath> v = vars.get(s.substring(1));
                if (v == null) {
                    throw new IllegalArgumentException(where + ": unknown variable " + s);
                }
                out.addAll(v);
            } else {
                try {
                    out.add(DepPath.parse(s, cues));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
                }
            }
        }
        return out;
    }

    private static Map<String, Object> yaml(String file, String text) {
        if (text == null) {
            throw new IllegalArgumentException(file + ": missing");
        }
        Object o = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        return map(file, o);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(String where, Object o) {
        if (!(o instanceof Map)) {
            throw new IllegalArgumentException(where + ": expected a mapping");
        }
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(String where, Object o) {
        if (!(o instanceof List)) {
            throw new IllegalArgumentException(where + ": expected a list");
        }
        return (List<Object>) o;
    }

    private static List<String> strings(String where, Object o) {
        List<String> out = new ArrayList<>();
        for (Object x : o instanceof List<?> l ? l : List.of(o)) {
            if (x == null || x instanceof Map || x instanceof List) {
                throw new IllegalArgumentException(where + ": expected text, found " + x);
            }
            out.add(x.toString());
        }
        return out;
    }
}
