package dev.synergylink.admin;

import java.util.List;

/**
 * Plain server-rendered HTML: every value is escaped here, so a screen never writes text into a page unescaped.
 * Readable without colour: state is always said in words ("On", "Problem:"), never by colour alone.
 */
final class Html {
  /** The screens, in the guide's order, for the navigation: path and label. */
  private static final String[][] SCREENS = {
      {"/connect", "Connect"},
      {"/", "Configuration"},
      {"/team-members", "Link Team Member records"},
      {"/project-statuses", "Configure Project Statuses"},
      {"/project-types", "Configure Project Types"},
      {"/sync", "Manual Sync Controls"},
      {"/health", "Sync Health"}};

  private static final String STYLE = "body{font-family:system-ui,sans-serif;margin:0;line-height:1.45}"
      + "nav ul{list-style:none;margin:0;padding:.5rem 1rem;display:flex;flex-wrap:wrap;gap:1rem;"
      + "border-bottom:1px solid #999}"
      + "nav a[aria-current]{font-weight:bold;text-decoration:none}"
      + "main{padding:0 1rem 2rem;max-width:70rem}"
      + "table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #999;padding:.25rem .5rem;"
      + "text-align:left;vertical-align:top}"
      + ".problem{font-weight:bold}.problem::before{content:'Problem: '}"
      + ".note{border:1px solid #555;padding:.25rem .75rem;margin:.5rem 0}"
      + "form.inline{display:inline}progress{width:100%;height:1.5rem}"
      + ":focus-visible{outline:3px solid #000;outline-offset:2px}";

  private final StringBuilder out = new StringBuilder();

  /** Escapes text for an element's content or a quoted attribute. */
  static String esc(Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString();
    StringBuilder b = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&': b.append("&amp;"); break;
        case '<': b.append("&lt;"); break;
        case '>': b.append("&gt;"); break;
        case '"': b.append("&quot;"); break;
        case '\'': b.append("&#39;"); break;
        default: b.append(c);
      }
    }
    return b.toString();
  }

  /** Appends markup as it is: only for literal markup written in this code, never for a value. */
  Html raw(String markup) {
    out.append(markup);
    return this;
  }

  /** Appends escaped text. */
  Html text(Object value) {
    out.append(esc(value));
    return this;
  }

  /** An element holding escaped text, e.g. {@code el("h2", "Setup checks")}. */
  Html el(String tag, Object value) {
    return raw("<" + tag + ">").text(value).raw("</" + tag + ">");
  }

  /** A paragraph of escaped text. */
  Html p(Object value) {
    return el("p", value);
  }

  /** Problems, each a list item that starts with the word "Problem:" (by style), so colour is never needed. */
  Html problems(List<String> problems, String id) {
    if (problems.isEmpty()) {
      return this;
    }
    raw("<ul" + (id == null ? "" : " id=\"" + esc(id) + "\"") + " class=\"problems\">");
    for (String problem : problems) {
      raw("<li class=\"problem\">").text(problem).raw("</li>");
    }
    return raw("</ul>");
  }

  /** A form posting to {@code action}; close it with {@link #endForm()}. */
  Html form(String action, String label) {
    return raw("<form method=\"post\" action=\"" + esc(action) + "\" aria-label=\"" + esc(label) + "\">");
  }

  /** A form holding one button (and hidden fields name=value pairs), on one line. */
  Html button(String action, String label, String... hidden) {
    raw("<form class=\"inline\" method=\"post\" action=\"" + esc(action) + "\">");
    hidden(hidden);
    return raw("<button type=\"submit\">").text(label).raw("</button></form>");
  }

  /** Hidden fields, name=value pairs. */
  Html hidden(String... pairs) {
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      raw("<input type=\"hidden\" name=\"" + esc(pairs[i]) + "\" value=\"" + esc(pairs[i + 1]) + "\">");
    }
    return this;
  }

  /** A submit button for the open form. */
  Html submit(String label) {
    return raw("<button type=\"submit\">").text(label).raw("</button>");
  }

  /** Ends a form. */
  Html endForm() {
    return raw("</form>");
  }

  /** A table header row. */
  Html headers(String... names) {
    raw("<thead><tr>");
    for (String name : names) {
      raw("<th scope=\"col\">").text(name).raw("</th>");
    }
    return raw("</tr></thead>");
  }

  /** A table cell of escaped text. */
  Html td(Object value) {
    return el("td", value);
  }

  /** The whole document: navigation, the flash notes and problems, then the screen. */
  static String page(String path, String title, Flash flash, Html body) {
    Html page = new Html();
    page.raw("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<meta name=\"referrer\" content=\"same-origin\"><title>")
        .text(title + " - SynergyLink admin").raw("</title><style>" + STYLE + "</style></head><body>");
    page.raw("<nav aria-label=\"Screens\"><ul>");
    for (String[] screen : SCREENS) {
      boolean current = screen[0].equals(path);
      page.raw("<li><a href=\"" + screen[0] + "\"" + (current ? " aria-current=\"page\"" : "") + ">")
          .text(screen[1]).raw("</a></li>");
    }
    page.raw("</ul></nav><main id=\"main\"><h1>").text(title).raw("</h1>");
    if (flash != null && !flash.isEmpty()) {
      page.raw("<div id=\"flash\" class=\"note\" role=\"status\">");
      for (String note : flash.notes()) {
        page.p(note);
      }
      page.problems(flash.problems(), "flash-problems");
      page.raw("</div>");
    }
    page.raw(body.toString()).raw("</main></body></html>");
    return page.toString();
  }

  @Override
  public String toString() {
    return out.toString();
  }

  /** What the last action said, shown once on the next page. */
  record Flash(List<String> notes, List<String> problems) {
    Flash {
      notes = List.copyOf(notes);
      problems = List.copyOf(problems);
    }

    static Flash note(String note) {
      return new Flash(List.of(note), List.of());
    }

    static Flash problems(List<String> problems) {
      return new Flash(List.of(), problems);
    }

    boolean isEmpty() {
      return notes.isEmpty() && problems.isEmpty();
    }
  }
}
