package dev.synergylink.admin;

import dev.synergylink.admin.AdminPage.Session;
import dev.synergylink.admin.Html.Flash;
import dev.synergylink.sync.RecordType;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

/** What every screen shares: the connection, the runs, the session, rendering and redirecting. */
final class Screens {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'",
      Locale.ENGLISH).withZone(ZoneId.of("UTC"));

  private final Supplier<Connection> connection;
  private final Supplier<Jobs> jobs;
  private final Function<Context, Session> session;

  Screens(Supplier<Connection> connection, Supplier<Jobs> jobs, Function<Context, Session> session) {
    this.connection = connection;
    this.jobs = jobs;
    this.session = session;
  }

  Connection connection() {
    return connection.get();
  }

  Jobs jobs() {
    return jobs.get();
  }

  Session session(Context ctx) {
    return session.apply(ctx);
  }

  /** Renders a screen with the session's pending message, which it then forgets. */
  void render(Context ctx, String path, String title, Html body) {
    Session s = session(ctx);
    Flash flash = s.flash;
    s.flash = null;
    ctx.header("Cache-Control", "no-store");
    ctx.html(Html.page(path, title, flash, body));
  }

  /** After an action: back to a screen (post, redirect, get), with a message shown once. */
  void redirect(Context ctx, String path, Flash flash) {
    session(ctx).flash = flash;
    ctx.redirect(path, HttpStatus.SEE_OTHER);
  }

  /** The screen a path belongs to: its first segment. */
  static String screenOf(String path) {
    int next = path.indexOf('/', 1);
    return next < 0 ? path : path.substring(0, next);
  }

  static String time(Instant instant) {
    return instant == null ? "" : TIME.format(instant);
  }

  /** The guide's names of each record type: Synergy's, then tiny+'s. */
  static String label(RecordType type) {
    switch (type) {
      case PROJECT: return "Projects / Projects";
      case COMPANY: return "Contacts / Companies";
      case CONTACT: return "Personnel / Contacts";
      case TEAM_MEMBER: return "Staff / Team Members";
      default: return type.name();
    }
  }

  /** The tiny+ name of each record type, plural, for buttons and counts. */
  static String plural(RecordType type) {
    switch (type) {
      case PROJECT: return "projects";
      case COMPANY: return "companies";
      case CONTACT: return "contacts";
      case TEAM_MEMBER: return "team members";
      default: return type.name().toLowerCase(Locale.ROOT);
    }
  }

  /** A long form value, or a clear error naming the field. */
  static long longParam(Context ctx, String name) {
    String value = ctx.formParam(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("The form field " + name + " is missing: use the page's form");
    }
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("The form field " + name + " must be a number, was '" + value + "'", e);
    }
  }

  /** A record type form value, or a clear error naming the field. */
  static RecordType typeParam(Context ctx, String name) {
    String value = ctx.formParam(name);
    try {
      return RecordType.valueOf(value == null ? "" : value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("The form field " + name + " must be a record type, was '" + value
          + "'", e);
    }
  }
}
