/**
 * Connect's JSON objects, shaped as the v1.34 spec names them. Component names are the spec's field names in lower
 * camel case; the provider's mapper writes and reads them in Connect's upper camel case ({@code PrimaryOrderNumber}).
 * Only the fields Slotbridge uses are modelled; unknown fields in answers are ignored.
 */
package dev.slotbridge.provider.connect.wire;
