namespace EducationHub.Testing.Infrastructure;

/// <summary>
/// Addresses of the real servers ./test.sh starts. A test that needs one fails (never skips)
/// with a message saying how to provide it.
/// </summary>
public static class TestInfrastructure
{
    /// <summary>amqp:// URI of the test RabbitMQ (EHUB_TEST_RABBITMQ).</summary>
    public static string RabbitMqUrl => Required("EHUB_TEST_RABBITMQ", "an amqp:// URI of a running RabbitMQ");

    /// <summary>Npgsql connection string without Database (EHUB_TEST_POSTGRES).</summary>
    public static string PostgresServer => Required("EHUB_TEST_POSTGRES", "an Npgsql connection string (Host=...;Port=...;Username=...) without Database");

    /// <summary>Script taking "stop" or "start" that restarts the test broker (EHUB_TEST_RABBITMQ_CONTROL).</summary>
    public static string RabbitMqControl => Required("EHUB_TEST_RABBITMQ_CONTROL", "the path of deploy/local/rabbitmq-control.sh (with the EHUB_RABBITMQ_* variables start_rabbitmq exports)");

    private static string Required(string variable, string what)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidOperationException(
                $"{variable} is not set: this test needs {what}. Run ./test.sh, or: source deploy/local/lib-infra.sh; " +
                "D=$(mktemp -d); chmod 755 $D; start_rabbitmq $D; start_postgres $D; export EHUB_TEST_RABBITMQ=$EHUB_RABBITMQ_URL " +
                "EHUB_TEST_POSTGRES=\"$EHUB_POSTGRES\" EHUB_TEST_RABBITMQ_CONTROL=$PWD/deploy/local/rabbitmq-control.sh");
        }
        return value;
    }
}
