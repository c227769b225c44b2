package lt.skydas.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlEscapeTest {
  @Test
  void escapesMarkupAndQuotesAndKeepsTheRest() {
    assertThat(HtmlEscape.text("<script>alert('x&y')</script> \"Šiauliai\""))
        .isEqualTo("&lt;script&gt;alert(&#39;x&amp;y&#39;)&lt;/script&gt; &quot;Šiauliai&quot;");
    assertThat(HtmlEscape.text("&amp;")).isEqualTo("&amp;amp;");
    assertThat(HtmlEscape.text(null)).isEmpty();
  }
}
