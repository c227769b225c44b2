package lt.skydas.assess.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportFormatTest {
  @Test
  void delayPerEuroKeepsSignificantDigitsForLargeProgrammes() {
    // 0.25 h bought for EUR 319.5 m: 0.047 min per million reads as 4.7 min per 100 million
    assertThat(ReportFormat.delayPerEuro(900, 319.5)).isEqualTo("4.7 min per €100 m");
    assertThat(ReportFormat.delayPerEuro(600, 2)).isEqualTo("5.0 min per €1 m");
    assertThat(ReportFormat.delayPerEuro(0, 2)).isEqualTo("0.0 min per €1 m");
    assertThat(ReportFormat.delayPerEuro(600, 0)).isEqualTo("–");
    assertThat(ReportFormat.delayPerEuro(Double.NaN, 5)).isEqualTo("–");
  }
}
