namespace EducationHub.SchoolRisk.Application.Backtest;

/// <summary>Per band: how many schools, their mean score, and how many actually had an adverse next inspection.</summary>
public sealed record BandCalibration(string Band, int Schools, double MeanScore, int Adverse)
{
    public double ObservedRate => Schools == 0 ? 0 : (double)Adverse / Schools;
}
