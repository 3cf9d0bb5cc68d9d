set(SL_STATS_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/Frequencies.cpp
  ${CMAKE_CURRENT_LIST_DIR}/Correlation.cpp
  ${CMAKE_CURRENT_LIST_DIR}/Crosstab.cpp
  ${CMAKE_CURRENT_LIST_DIR}/Distributions.cpp
  ${CMAKE_CURRENT_LIST_DIR}/MultipleResponse.cpp
  ${CMAKE_CURRENT_LIST_DIR}/Reliability.cpp
)
