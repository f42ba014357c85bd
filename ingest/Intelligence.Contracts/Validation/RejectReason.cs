namespace Intelligence.Contracts.Validation;

/// <summary>Why an input was refused. Each value has a stable snake_case code for the dead-letter table.</summary>
public enum RejectReason
{
    MalformedJson,
    InvalidEncoding,
    TooDeep,
    OversizePayload,
    WrongType,
    MissingField,
    UnknownField,
    InvalidValue,
    UnknownType,
    UnknownSchemaVersion,
    EventTimeInFuture,
    EventTimeTooOld,
}

public static class RejectReasonCodes
{
    public static string Code(this RejectReason reason) => reason switch
    {
        RejectReason.MalformedJson => "malformed_json",
        RejectReason.InvalidEncoding => "invalid_encoding",
        RejectReason.TooDeep => "too_deep",
        RejectReason.OversizePayload => "oversize_payload",
        RejectReason.WrongType => "wrong_type",
        RejectReason.MissingField => "missing_field",
        RejectReason.UnknownField => "unknown_field",
        RejectReason.InvalidValue => "invalid_value",
        RejectReason.UnknownType => "unknown_type",
        RejectReason.UnknownSchemaVersion => "unknown_schema_version",
        RejectReason.EventTimeInFuture => "event_time_in_future",
        RejectReason.EventTimeTooOld => "event_time_too_old",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Unknown reject reason."),
    };
}
