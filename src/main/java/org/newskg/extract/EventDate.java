package org.newskg.extract;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The date of an event at the precision the text gives: a day ({@code 2024-10-28}), a month
 * ({@code 2024-10}) or a year ({@code 2024}). Built from SUTime's normalised values against the
 * article's publication date; ISO weeks, seasons, ranges and anything vaguer give no date.
 *
 * <pre>{@code
 * EventDate d = EventDate.fromTimex("2024-11-04", false, LocalDate.of(2024, 11, 1)); // 2024-10-28
 * }</pre>
 */
public record EventDate(String value, Granularity granularity) {
    /** How precise a date is. */
    public enum Granularity { DAY, MONTH, YEAR }

    private static final Pattern DAY = Pattern.compile("^(\\d{4})-(\\d{2})-(\\d{2})(?:T.*)?$");
    private static final Pattern MONTH = Pattern.compile("^(\\d{4})-(\\d{2})$");
    private static final Pattern YEAR = Pattern.compile("^(\\d{4})$");

    /**
     * The date a SUTime value stands for, or null. A day after the publication date that the text
     * names by its weekday is moved back a week: news "on Monday" is the Monday past.
     */
    public static EventDate fromTimex(String value, boolean weekday, LocalDate published) {
        if (value == null) {
            return null;
        }
        Matcher d = DAY.matcher(value);
        if (d.matches()) {
            LocalDate day;
            try {
                day = LocalDate.of(Integer.parseInt(d.group(1)), Integer.parseInt(d.group(2)), Integer.parseInt(d.group(3)));
            } catch (java.time.DateTimeException e) {
                return null;
            }
            if (weekday && published != null && day.isAfter(published) && !day.isAfter(published.plusDays(7))) {
                day = day.minusWeeks(1);
            }
            return new EventDate(day.toString(), Granularity.DAY);
        }
        if (MONTH.matcher(value).matches()) {
            int month = Integer.parseInt(value.substring(5));
            return month >= 1 && month <= 12 ? new EventDate(value, Granularity.MONTH) : null;
        }
        if (YEAR.matcher(value).matches()) {
            return new EventDate(value, Granularity.YEAR);
        }
        return null;
    }

    /** Whether a word names a day of the week ("Monday", "mon."). */
    public static boolean isWeekday(String word) {
        String w = word.toUpperCase(java.util.Locale.ROOT).replace(".", "");
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().equals(w) || d.name().startsWith(w) && w.length() >= 3) {
                return true;
            }
        }
        return false;
    }

    /** A day this many days later (earlier when negative); months and years stay as they are. */
    public EventDate plusDays(int days) {
        return granularity == Granularity.DAY ? new EventDate(LocalDate.parse(value).plusDays(days).toString(), Granularity.DAY) : this;
    }

    /** The same day or month a year earlier ("in January" told of the past but resolved to the coming January). */
    public EventDate yearEarlier() {
        int year = Integer.parseInt(value.substring(0, 4)) - 1;
        return new EventDate(String.format(java.util.Locale.ROOT, "%04d", year) + value.substring(4), granularity);
    }

    /** Whether this date begins after a day. */
    public boolean after(LocalDate day) {
        LocalDate start = switch (granularity) {
            case DAY -> LocalDate.parse(value);
            case MONTH -> LocalDate.parse(value + "-01");
            case YEAR -> LocalDate.parse(value + "-01-01");
        };
        return start.isAfter(day);
    }

    /** Whether this date is more precise than another (null counts as least precise). */
    public boolean finerThan(EventDate other) {
        return other == null || granularity.ordinal() < other.granularity.ordinal();
    }

    /** Whether the other date lies within this one ("2024-10" contains "2024-10-28"). */
    public boolean contains(EventDate other) {
        return other != null && other.value.startsWith(value);
    }
}
