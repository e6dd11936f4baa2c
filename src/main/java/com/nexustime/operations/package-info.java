/**
 * Running the application as a service: health indicators for readiness (the process engine) and the full
 * report (mail), and the gauges of the work waiting in other modules, read through their public API.
 * docs/operations.md describes what an operator watches.
 */
package com.nexustime.operations;
