using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;

namespace EducationHub.Calendar;

public static class CalendarServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="BankHolidayTable"/>, <see cref="WorkingDayCalendar"/>, <see cref="ISchoolTermCalendar"/>
    /// and the system <see cref="IClock"/> (unless one is already registered, e.g. a fake clock in tests).
    /// Safe to call from several modules in one process.
    /// </summary>
    public static IServiceCollection AddEnglandAndWalesCalendar(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(CalendarOptions.SectionName).Get<CalendarOptions>() ?? new CalendarOptions();

        services.TryAddSingleton<IClock>(SystemClock.Instance);
        services.TryAddSingleton(_ => string.IsNullOrWhiteSpace(options.ExtraBankHolidaysFile)
            ? BankHolidayTable.Default
            : BankHolidayTable.Default.Merge(BankHolidayTable.LoadFile(options.ExtraBankHolidaysFile)));
        services.TryAddSingleton(sp => new WorkingDayCalendar(sp.GetRequiredService<BankHolidayTable>()));
        services.TryAddSingleton<ISchoolTermCalendar>(sp =>
        {
            var workingDays = sp.GetRequiredService<WorkingDayCalendar>();
            if (string.IsNullOrWhiteSpace(options.TermDatesFile))
            {
                return SchoolTermCalendar.LoadDefault(workingDays);
            }

            using var stream = File.OpenRead(options.TermDatesFile);
            return SchoolTermCalendar.Load(stream, workingDays);
        });
        return services;
    }
}
