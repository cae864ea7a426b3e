package dev.synergylink.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every value a screen writes goes through one escape, so a record's name never becomes markup. */
class HtmlTest {
  @Test
  void aValueIsEscapedForTextAndForAQuotedAttribute() {
    String page = new Html().p("<script>alert('x')</script> & \"co\"").toString();

    assertThat(page).isEqualTo("<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;co&quot;</p>");
  }

  @Test
  void aHiddenFieldsValueCannotLeaveItsAttribute() {
    String field = new Html().hidden("type", "\" onfocus=\"x").toString();

    assertThat(field).isEqualTo("<input type=\"hidden\" name=\"type\" value=\"&quot; onfocus=&quot;x\">");
  }
}
