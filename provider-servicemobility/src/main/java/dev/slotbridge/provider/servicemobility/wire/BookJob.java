package dev.slotbridge.provider.servicemobility.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * The Book Job Object. The spec gives only the start of its property table; these fields are assumed:
 * {@code Account}, {@code Location}, {@code OrderType}, {@code OriginalOrderNum} and {@code TimeConstraints} as in the
 * Appointment Search Object it "starts like" (the chosen slot as the one time constraint); {@code Desc} for the job
 * description and {@code ServiceCodes} for the schedule-of-rates codes, named as the Asset Object names them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BookJob(@JsonProperty("Account") Account account,
                      @JsonProperty("Location") BookJobLocation location,
                      @JsonProperty("OrderType") String orderType,
                      @JsonProperty("OriginalOrderNum") String originalOrderNum,
                      @JsonProperty("Desc") String desc,
                      @JsonProperty("ServiceCodes") List<String> serviceCodes,
                      @JsonProperty("TimeConstraints") List<TimeConstraint> timeConstraints) {
}
